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
}
NUMERUS = {
    "%n show(s)": "共 %n 场",
    "Delete %n row(s)": "删除 %n 行",
    "Delete %n segment(s)": "删除 %n 个环节",
    "Duplicate %n segment(s)": "复制 %n 个环节",
}


# English needs only its plurals; a string without a translation shows its source.
NUMERUS_EN = {
    "%n show(s)": ("%n show", "%n shows"),
    "Delete %n row(s)": ("Delete %n row", "Delete %n rows"),
    "Delete %n segment(s)": ("Delete %n segment", "Delete %n segments"),
    "Duplicate %n segment(s)": ("Duplicate %n segment", "Duplicate %n segments"),
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
