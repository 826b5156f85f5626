# ruff: noqa: E501  (a table of sentences: one per line reads best)
"""Helper kept for translators: fills untranslated strings of a .ts file from this glossary.

Usage: python scripts/glossary.py liveplanner/resources/translations/liveplanner_zh_CN.ts
The English file needs only plural forms; every other English string is its own source.
Entries are keyed by source text, or by "Context|source" where a context needs its own words.
Strings it does not know are listed and left unfinished; scripts/update_translations.sh then
compiles the .qm.
"""

import sys
import xml.etree.ElementTree as ET

ZH = {
    # Shows and the main window
    "No shows yet.\nFile ▸ New show starts one; File ▸ Add demo show adds an example.": "还没有直播场次。\n文件 ▸ 新建场次开始一场；文件 ▸ 添加演示场次可查看示例。",
    "No shows yet.\nAdd the demo show (File ▸ Add demo show) to see a full plan.": "还没有直播场次。\n添加演示场次（文件 ▸ 添加演示场次）即可查看完整方案。",
    "Search titles and rooms": "搜索标题或直播间",
    "All platforms": "全部平台",
    "Any status": "全部状态",
    "Any time": "全部时间",
    "Upcoming": "即将开播",
    "Past": "已过去",
    "Next 30 days": "未来 30 天",
    "Last 30 days": "过去 30 天",
    "Add &demo show": "添加演示场次(&D)",
    "&New show…": "新建场次(&N)…",
    "&Open show": "打开场次(&O)",
    "D&uplicate show": "复制场次(&U)",
    "De&lete show": "删除场次(&L)",
    "&Back to shows": "返回场次列表(&B)",
    "&Quit": "退出(&Q)",
    "&Find": "查找(&F)",
    "&Find shows": "查找场次(&F)",
    "&File": "文件(&F)",
    "&Edit": "编辑(&E)",
    "&Undo": "撤销(&U)",
    "&Redo": "重做(&R)",
    "&Segment": "环节(&S)",
    "&View": "视图(&V)",
    "&Theme": "主题(&T)",
    "&Light": "浅色(&L)",
    "&Dark": "深色(&D)",
    "&Language": "语言(&L)",
    "&System": "跟随系统(&S)",
    "%1 (copy)": "%1（副本）",
    "Language": "语言",
    "The new language takes effect when liveplanner starts next.": "新语言将在下次启动 liveplanner 时生效。",
    "Not done": "未完成",
    "Opening the database…": "正在打开数据库…",
    "Shows": "场次",
    "Could not add the demo show": "无法添加演示场次",
    # New show dialog
    "New show": "新建场次",
    "e.g. 双12 beauty special": "例如：双12美妆专场",
    "Blank": "空白",
    "1-hour flash show": "1 小时快闪场",
    "Standard 2-hour show": "标准 2 小时场",
    "3-hour big-promo show": "3 小时大促场",
    "Start from": "模板",
    # Columns
    "Start": "开始",
    "ShowListModel|Start": "开播时间",
    "NewShowDialog|Start": "开播时间",
    "ShowForm|Start": "开播时间",
    "Title": "标题",
    "Platform": "平台",
    "Status": "状态",
    "Segments": "环节数",
    "Length": "时长",
    "Kind": "类型",
    "Product": "商品",
    "Live price": "直播价",
    "Stock": "库存",
    "Promo": "优惠",
    "Host": "主播",
    "Co-host": "助播",
    "Floor control": "场控",
    "Notes": "备注",
    "(none)": "（无）",
    "Name": "姓名",
    "PartTableModel|Name": "名称",
    "Role": "角色",
    "SKU": "SKU",
    "List price": "原价",
    "Unit cost": "成本",
    "Price floor": "价格底线",
    "Discount": "折扣",
    "(all products)": "（全场）",
    "Quantity": "数量",
    "Released": "已发放",
    "Face value": "面额/价值",
    "Special price": "秒杀价",
    "Threshold": "门槛",
    "Per user": "每人限",
    "Budget": "预算",
    "(anyone in the role)": "（该角色任何人）",
    "At (m:ss)": "时间点（分:秒）",
    "&Clear cells": "清空单元格(&C)",
    "Clear cells": "清空单元格",
    "Person": "人员",
    "Cue": "提示",
    "cannot be empty": "不能为空",
    # Editor
    "Talking points for the host, one per line": "主播话术要点，每行一条",
    "Add cue": "添加提示",
    "Add promo release": "添加优惠发放",
    "Talking points": "话术要点",
    "Cues for the team": "团队提示",
    "Promo releases": "优惠发放",
    "Add team member": "添加成员",
    "Add product": "添加商品",
    "Add promo": "添加优惠",
    "Segment": "环节",
    "Team": "团队",
    "Products": "商品",
    "Promos": "优惠",
    "Findings": "检查结果",
    "Show": "场次设置",
    "&Insert segment": "插入环节(&I)",
    "D&uplicate segments": "复制环节(&U)",
    "&Delete segments": "删除环节(&D)",
    "Move &up": "上移(&U)",
    "Move do&wn": "下移(&W)",
    "&Next finding": "下一个问题(&N)",
    "New segment": "新环节",
    "New product": "新商品",
    "New promo": "新优惠",
    "New cue": "新提示",
    "Add a promo on the Promos tab first.": "请先在“优惠”页添加优惠。",
    "No segment chosen": "未选择环节",
    "Segment %1: %2": "环节 %1：%2",
    "%1 – %2 · %3 · %4 segments": "%1 – %2 · %3 · %4 个环节",
    "%1 error(s), %2 warning(s)": "%1 个错误，%2 个警告",
    "Findings (%1)": "检查结果（%1）",
    "Every limit holds.": "所有限制均满足。",
    "Delete": "删除",
    "Click a block to select its segment": "点击色块选中对应环节",
    "No segments yet": "还没有环节",
    "Plan": "方案",
    "Target": "目标",
    # The timer
    "LIVE: %1": "直播：%1",
    "Rehearsal: %1": "彩排：%1",
    "LIVE": "直播",
    "REHEARSAL": "彩排",
    "A note for the log (Enter)": "记一笔到运行日志（回车）",
    "Message to the presenter screen, e.g. wrap up": "发给提词屏的消息，例如：准备收尾",
    "Flash": "闪烁",
    "Sound at warning and zero": "警告和归零时提示音",
    "Presenter screen": "提词屏",
    "Space start/pause · → next · ← previous · + / − 30 s · Esc leave": "空格 开始/暂停 · → 下一环节 · ← 上一环节 · + / − 30 秒 · Esc 离开",
    "HostView|Next": "下一环节",
    "Cues due soon": "即将到来的提示",
    "Product and promos": "商品与优惠",
    "%1 · over/under %2 · ends about %3": "%1 · 超时/提前 %2 · 预计 %3 结束",
    "The run is over": "本次运行已结束",
    "press Space to start": "按空格开始",
    "paused": "已暂停",
    "the end of the show": "直播结束",
    "none in the next minute": "一分钟内没有",
    "now": "现在",
    "in %1": "%1 后",
    "%1: ¥%2, stock %3": "%1：¥%2，库存 %3",
    "%1 ×%2 at %3": "%1 ×%2，于 %3",
    "no product or promo in this segment": "本环节没有商品或优惠",
    "Leave the timer": "离开计时器",
    "End this run now? Choose No to leave it open and resume it later.": "现在结束本次运行吗？选“否”则保持未结束，之后可继续。",
    "&Run": "运行(&R)",
    "Not saved yet, kept and retried with the next action: %1": "尚未保存，已暂存，下次操作时重试：%1",
    "End the run": "结束运行",
    "This is the last segment. End the run now?": "这是最后一个环节。现在结束运行吗？",
    "%1, unfinished": "%1，未完成",
    "This show has no segments yet: there is nothing to run.": "这场还没有环节，没有可运行的内容。",
    "&Rehearse or run…": "彩排或直播(&R)…",
    "Rehearsal &results…": "彩排结果(&E)…",
    "liveplanner presenter": "liveplanner 提词屏",
    "Next: %1 (%2)": "下一环节：%1（%2）",
    "Next: the end": "下一环节：结束",
    "Rehearsal results": "彩排结果",
    "Apply this take's lengths to the plan": "把这次彩排的时长用到方案里",
    "Take": "彩排",
    "Take %1 (%2)": "第 %1 次彩排（%2）",
    "Planned": "计划",
    "Apply rehearsed lengths": "应用彩排时长",
    "Run the show": "运行直播",
    "&Rehearsal: a take to compare with the plan": "彩排(&R)：与方案对比的一次演练",
    "&Live show: the run the review will use": "正式直播(&L)：复盘将使用这次运行",
    "What are you running?": "这次是？",
    "live show": "正式直播",
    "rehearsal": "彩排",
    "Resume the interrupted %1 where the show is now": "从当前进度继续被中断的%1",
    # Show settings
    "Room / account": "直播间 / 账号",
    "Time zone": "时区",
    "Planned end": "计划结束",
    "Hard stop": "最晚结束",
    "Maximum discount (%)": "最大折扣（%）",
    "Minimum margin on cost (%)": "最低成本加成（%）",
    "Target GMV (yuan)": "目标 GMV（元）",
    "Target viewers": "目标观看人数",
    "Target conversion (%)": "目标转化率（%）",
    "Target new followers": "目标新增粉丝",
    "Target interaction (%)": "目标互动率（%）",
    # Labels
    "Douyin": "抖音",
    "Taobao Live": "淘宝直播",
    "Kuaishou": "快手",
    "TikTok Shop": "TikTok Shop",
    "WeChat Channels": "视频号",
    "Other": "其他",
    "Draft": "草稿",
    "Approved": "已审核",
    "Live": "直播中",
    "Done": "已结束",
    "Reviewed": "已复盘",
    "Opening": "开场",
    "Product intro": "产品讲解",
    "Coupon drop": "发券",
    "Flash sale": "秒杀",
    "Lucky draw": "抽奖",
    "Q&A": "答疑互动",
    "Closing": "收尾",
    "Customer service": "客服",
    "Operations": "运营",
    "Tech": "技术",
    "Coupon": "优惠券",
    "Gift": "赠品",
    "labels|Products": "商品讲解",
    "Promotions": "促销福利",
    "Interaction": "互动",
    # Undo texts
    "team member": "团队成员",
    "product": "商品",
    "promo": "优惠",
    "cue": "提示",
    "release": "发放",
    "Edit segment": "编辑环节",
    "Set %1": "设置%1",
    "Move segments": "移动环节",
    "Edit %1": "编辑%1",
    "Add %1": "添加%1",
    "Delete %1": "删除%1",
    "Edit show": "编辑场次",
    "Insert segment": "插入环节",
    "Duplicate show": "复制场次",
    "Delete show": "删除场次",
    "Add demo show": "添加演示场次",
    # Findings
    "Promo “{promo}”: segments release {released}, only {quantity} available": "优惠“{promo}”：各环节共发放 {released}，可用仅 {quantity}",
    "Product “{product}”: flash sales need {units} units, stock for the show is {stock}": "商品“{product}”：秒杀需要 {units} 件，本场库存仅 {stock}",
    "Promo “{promo}” can cost {exposure} yuan, over its budget of {budget}": "优惠“{promo}”最多花费 {exposure} 元，超出预算 {budget}",
    "“{product}” at {price} yuan is under its price floor of {floor}": "“{product}”售价 {price} 元，低于价格底线 {floor}",
    "“{product}” is {discount} off its list price, over the maximum discount of {maximum}": "“{product}”比原价低 {discount}，超过最大折扣 {maximum}",
    "Coupon “{promo}” takes the price to {price} yuan, under the floor of {floor}": "优惠券“{promo}”使价格降到 {price} 元，低于底线 {floor}",
    "Coupon “{promo}” is worth as much as its threshold": "优惠券“{promo}”面额不低于使用门槛",
    "Segment {position} “{title}”: a product intro with no product": "环节 {position}“{title}”：产品讲解没有指定商品",
    "Segment {position} “{title}”: no host, and the team has none": "环节 {position}“{title}”：没有主播，团队里也没有主播",
    "Segment {position}: {person} is both {roles}": "环节 {position}：{person} 同时担任{roles}",
    "Segment {position} “{title}” has no length": "环节 {position}“{title}”时长为零",
    "Segment {position}: a cue at {offset} comes after the segment ends at {length}": "环节 {position}：{offset} 的提示晚于环节结束（{length}）",
    "The script runs {over} past the hard stop": "脚本超出最晚结束时间 {over}",
    "The script runs {over} past the planned end": "脚本超出计划结束时间 {over}",
    " and ": "和",
    # Importing metrics
    "Re&view": "复盘(&V)",
    "&Import metrics…": "导入分钟数据(&I)…",
    "Import metrics — %1": "导入分钟数据 — %1",
    "A CSV, XLSX or JSON export from the platform": "平台导出的 CSV、XLSX 或 JSON 文件",
    "&Choose file…": "选择文件(&C)…",
    "Recognise from the headers": "按表头自动识别",
    "As the layout says": "按模板规则",
    "Highest reading of the minute": "取每分钟最高值",
    "Last reading of the minute": "取每分钟最后一次读数",
    "File:": "文件：",
    "Layout:": "格式：",
    "Date for times without one:": "无日期时间的日期：",
    "Time zone of the file:": "文件时区：",
    "Online viewers per minute:": "每分钟在线人数：",
    "Column in the file": "文件中的列",
    "Read as": "导入为",
    "Columns": "列",
    "Preview: the first rows as read": "预览：读取到的前几行",
    "&Import": "导入(&I)",
    "Warnings": "提示",
    "Choose the platform's export": "选择平台导出文件",
    "Exports (%1);;All files (*)": "导出文件 (%1);;所有文件 (*)",
    "Cannot read %1: %2": "无法读取 %1：%2",
    "“%1” is not a time zone; expected such as Asia/Shanghai": "“%1”不是时区，应如 Asia/Shanghai",
    "Reading the file…": "正在读取文件…",
    "None: every row was read as it is.": "无：每一行都已按原样读取。",
    "by header names": "按表头名称",
    "header on row %1": "表头在第 %1 行",
    "JSON records": "JSON 记录",
    "%1 to %2": "%1 至 %2",
    "%1 rows, %2 minutes with data (%3)": "%1 行，%2 分钟有数据（%3）",
    "Encoding: %1": "编码：%1",
    "Layout: %1": "格式：%1",
    "(no header)": "（无表头）",
    "PreviewModel|Time": "时间",
    "MetricsImportDialog|Time": "时间",
    "MetricsImportDialog|Cancel": "取消",
    "Row": "行",
    "Not imported": "不导入",
    "peak %1": "%1峰值",
    "%1 (running total)": "%1（累计值）",
    "Storing the metrics…": "正在保存数据…",
    "Cancelled: nothing was stored.": "已取消：未保存任何数据。",
    "Nothing was stored: %1": "未保存任何数据：%1",
    "Nothing was stored: an unexpected error (%1)": "未保存任何数据：意外错误（%1）",
    "expected such as 1234, 1,234.5, 1.2万, 3.5亿, 12.5% or ¥99": "应为 1234、1,234.5、1.2万、3.5亿、12.5% 或 ¥99 这样的数",
    "expected such as 2025-11-11 20:05, 11-11 20:05, 20:05 or an Excel date": "应为 2025-11-11 20:05、11-11 20:05、20:05 或 Excel 日期",
    "{file} is {size_mb} MB; exports up to {limit_mb} MB can be imported": "{file} 有 {size_mb} MB，最多可导入 {limit_mb} MB",
    "{file} is empty": "{file} 是空文件",
    "{file} holds binary data, not a CSV, XLSX or JSON export": "{file} 是二进制数据，不是 CSV、XLSX 或 JSON 导出文件",
    "{file} cannot be read as CSV text ({detail}); save it again as CSV or XLSX": "{file} 无法作为 CSV 文本读取（{detail}）；请重新保存为 CSV 或 XLSX",
    "{file} is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV": "{file} 是 Excel 97-2003 工作簿（.xls）；请另存为 .xlsx 或 CSV",
    "{file} is a web page, not a spreadsheet; open it in Excel and save it as .xlsx": "{file} 是网页而不是表格；请用 Excel 打开并另存为 .xlsx",
    "{file} is named .xlsx but holds text; rename it .csv": "{file} 扩展名是 .xlsx，内容却是文本；请改名为 .csv",
    "{file} is an Excel workbook named .{extension}; rename it .xlsx": "{file} 是 Excel 工作簿，扩展名却是 .{extension}；请改名为 .xlsx",
    "{file} cannot be opened as an Excel workbook ({detail})": "{file} 无法作为 Excel 工作簿打开（{detail}）",
    "{file} is not valid JSON (line {line}, column {column})": "{file} 不是有效的 JSON（第 {line} 行第 {column} 列）",
    "{file} holds no list of per-minute records": "{file} 中没有按分钟的记录列表",
    "{file}, row {row}: {cells} cells where the header has {expected}": "{file} 第 {row} 行：有 {cells} 个单元格，表头只有 {expected} 列",
    "{file}: no header row in its first {rows} rows; expected a row naming a time column (时间, Time …) above rows of times": "{file}：前 {rows} 行中没有表头；应有一行写明时间列（时间、Time…），其下是各行时间",
    "{file} has a header but no data rows": "{file} 只有表头，没有数据行",
    "{file}: none of the columns is a metric liveplanner knows ({columns}); choose what each column holds below": "{file}：没有可识别的指标列（{columns}）；请在下方为各列选择导入为何种指标",
    "{file}: columns “{first}” and “{second}” are both {metric}": "{file}：“{first}”和“{second}”两列都是{metric}",
    "{file}, row {row}, column “{column}”: the time is empty": "{file} 第 {row} 行“{column}”列：时间为空",
    "{file}, row {row}, column “{column}”: “{value}” is not a time; ": "{file} 第 {row} 行“{column}”列：“{value}”不是时间；",
    "{file}, row {row}, column “{column}”: “{value}” has no date; give the show's date above": "{file} 第 {row} 行“{column}”列：“{value}”没有日期；请在上方填写直播日期",
    "{file}, row {row}, column “{column}”: “{value}” is not a number; ": "{file} 第 {row} 行“{column}”列：“{value}”不是数字；",
    "{file}, row {row}: {time} comes before {previous} in row {previous_row}; the time runs backwards": "{file} 第 {row} 行：{time} 早于第 {previous_row} 行的 {previous}，时间倒退了",
    "{file}, rows {first_row} and {row}: two different rows for {time} (column “{column}”: {first_value} and {value})": "{file} 第 {first_row} 行和第 {row} 行：{time} 有两行不同的数据（“{column}”列：{first_value} 与 {value}）",
    "{file}, row {row}, column “{column}”: the running total falls from {previous} to {value}": "{file} 第 {row} 行“{column}”列：累计值从 {previous} 降到了 {value}",
    "{count} rows repeat an earlier row exactly and were left out (first: row {row})": "有 {count} 行与前面某行完全相同，已略去（第一处：第 {row} 行）",
    "Total row {row}, column “{column}”: {total}, but the rows add up to {sum} ({percent} apart)": "合计行（第 {row} 行）“{column}”列为 {total}，但各行相加为 {sum}（相差 {percent}）",
    "No rows for {count} minutes between the first and the last: {minutes}": "首尾之间有 {count} 分钟没有数据：{minutes}",
    "Column “{column}”: {count} cells are empty or “-”, left empty (not zero)": "“{column}”列：{count} 个单元格为空或“-”，按缺失处理（不记为零）",
    "Columns not imported: {columns}": "未导入的列：{columns}",
    "The file runs from {start} to {end}, outside the show's planned {planned_start} to {planned_end}: is it this show's export?": "文件时间为 {start} 至 {end}，不在本场计划的 {planned_start} 至 {planned_end} 之内：确定是这一场的数据吗？",
    "{rows} rows for {minutes} minutes: per minute, counts and money are added up and {instants} keeps the {rule} reading": "{rows} 行对应 {minutes} 分钟：每分钟的计数和金额相加，{instants}取{rule}读数",
    "highest": "最高",
    "last": "最后一次",
    "Online viewers": "在线人数",
    "Entries": "进入人数",
    "Exits": "离开人数",
    "Views": "观看人次",
    "Unique viewers": "观看人数",
    "GMV": "成交金额",
    "Orders": "订单数",
    "Buyers": "成交人数",
    "Items sold": "成交件数",
    "Product clicks": "商品点击",
    "Comments": "评论数",
    "Likes": "点赞数",
    "Shares": "分享数",
    "New followers": "新增粉丝",
    "Ad spend": "投放消耗",
}
NUMERUS = {
    "%n show(s)": "共 %n 场",
    "Delete %n row(s)": "删除 %n 行",
    "Delete %n segment(s)": "删除 %n 个环节",
    "Duplicate %n segment(s)": "复制 %n 个环节",
    "Imported %n minute values from %1": "已从 %1 导入 %n 个分钟数据",
}


# English needs only its plurals; a string without a translation shows its source.
NUMERUS_EN = {
    "%n show(s)": ("%n show", "%n shows"),
    "Delete %n row(s)": ("Delete %n row", "Delete %n rows"),
    "Delete %n segment(s)": ("Delete %n segment", "Delete %n segments"),
    "Duplicate %n segment(s)": ("Duplicate %n segment", "Duplicate %n segments"),
    "Imported %n minute values from %1": (
        "Imported %n minute value from %1",
        "Imported %n minute values from %1",
    ),
}


def fill_english(path: str) -> list[str]:
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        if source not in NUMERUS_EN or translation is None:
            missing.append(source)
            continue
        for child in list(translation):
            translation.remove(child)
        for form in NUMERUS_EN[source]:
            ET.SubElement(translation, "numerusform").text = form
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def fill(path: str) -> list[str]:
    if ET.parse(path).getroot().get("language", "").startswith("en"):
        return fill_english(path)
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") not in ("unfinished", None):
                continue
            if translation.get("type") is None and (translation.text or list(translation)):
                continue
            if message.get("numerus") == "yes" and source in NUMERUS:
                for child in list(translation):
                    translation.remove(child)
                ET.SubElement(translation, "numerusform").text = NUMERUS[source]
            elif f"{name}|{source}" in ZH or source in ZH:
                translation.text = ZH.get(f"{name}|{source}", ZH.get(source))
            else:
                missing.append(f"{name}: {source}")
                continue
            translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    left = fill(sys.argv[1])
    print("\n".join(left) if left else "every string translated")
