<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="29" />
        <source>About liveplanner</source>
        <translation>关于 liveplanner</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="36" />
        <source>Plan, rehearse, run and review live-stream shopping shows (直播带货).</source>
        <translation>策划、彩排、执行和复盘直播带货。</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="41" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="42" />
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="43" />
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="44" />
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="45" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="46" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="47" />
        <source>Settings</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="48" />
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="57" />
        <source>Free software under the MIT licence. Your shows stay in your own database.</source>
        <translation>采用 MIT 许可证的自由软件。你的直播场次只保存在你自己的数据库中。</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="63" />
        <source>&amp;Copy details</source>
        <translation>复制详情(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="66" />
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
</context>
<context>
    <name>AdvicePanel</name>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="78" />
        <source>Working out the advice…</source>
        <translation>正在根据历史场次计算建议…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="82" />
        <source>No suggestions.</source>
        <translation>暂无建议。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="139" />
        <source>No advice: %1</source>
        <translation>没有建议：%1</translation>
    </message>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="151" />
        <source>No projection: %1</source>
        <translation>没有预测：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/advice_panel.py" line="158" />
        <source>Projected GMV %1 (low %2, high %3), from %n earlier show(s): %4</source>
        <translation>
            <numerusform>预计成交金额 %1（低 %2，高 %3），依据之前的 %n 场：%4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertsDialog</name>
    <message>
        <location filename="../../ui/alerts_dialog.py" line="35" />
        <source>Live alerts</source>
        <translation>直播提醒</translation>
    </message>
    <message>
        <location filename="../../ui/alerts_dialog.py" line="42" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/alerts_dialog.py" line="46" />
        <source>A flash sale &amp;sold out</source>
        <translation>秒杀售罄(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/alerts_dialog.py" line="51" />
        <source>Online viewers &amp;down by</source>
        <translation>在线人数下降(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/alerts_dialog.py" line="52" />
        <source>&amp;within</source>
        <translation>时间内(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/alerts_dialog.py" line="53" />
        <source>GMV &amp;behind the pace by</source>
        <translation>成交额落后目标进度(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/alerts_dialog.py" line="62" />
        <source>While a run is open, the live feed raises these on every screen and writes them to the run's log. 0 % turns an alert off.</source>
        <translation>计时进行中，直播数据源会在每个屏幕上提醒并写入计时日志。设为 0 % 即关闭该提醒。</translation>
    </message>
</context>
<context>
    <name>BackupSchedule</name>
    <message>
        <location filename="../../ui/backup_schedule.py" line="35" />
        <source>Backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../ui/backups_dialog.py" line="36" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="39" />
        <source>Backups of %1, kept in %2</source>
        <translation>%1 的备份，保存在 %2</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="46" />
        <source>Made</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="46" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="46" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="55" />
        <source>All of today's and yesterday's backups are kept, then the newest of each of the last 12 days, 10 weeks and 9 months.</source>
        <translation>今天和昨天的备份全部保留，此前每天、每周、每月各保留最新一份，分别保留最近 12 天、10 周和 9 个月。</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="61" />
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="62" />
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="78" />
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="80" />
        <source>Before a restore</source>
        <translation>恢复前自动备份</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="82" />
        <source>While you worked (every 30 minutes after a change)</source>
        <translation>工作期间自动备份（有改动时每 30 分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="84" />
        <source>On closing liveplanner</source>
        <translation>关闭 liveplanner 时备份</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="86" />
        <source>Before an upgrade of the database</source>
        <translation>数据库升级前自动备份</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="88" />
        <source>Before a show was deleted for good</source>
        <translation>彻底删除一场直播前自动备份</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="90" />
        <source>Before a show's metrics were imported again</source>
        <translation>重新导入一场直播的数据前自动备份</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="114" />
        <location filename="../../ui/backups_dialog.py" line="138" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="125" />
        <source>Restore</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="127" />
        <source>Put the backup of %1 in place of the database? Everything since then is replaced; the database as it is now is backed up first.</source>
        <translation>用 %1 的备份替换当前数据库吗？此后的所有改动都会被替换；当前数据库会先备份。</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="148" />
        <source>The backup of %1 is an empty file (0 bytes), not a liveplanner database. Nothing was changed.</source>
        <translation>%1 的备份是空文件（0 字节），不是 liveplanner 数据库，未做任何修改。</translation>
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="153" />
        <source>The backup of %1 is not a liveplanner database: it is empty, damaged or another program's. Nothing was changed.</source>
        <translation>%1 的备份不是 liveplanner 数据库：它是空的、已损坏，或属于其他程序，未做任何修改。</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../ui/review/campaign_chart.py" line="32" />
        <source>Target pace</source>
        <translation>目标进度</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_chart.py" line="41" />
        <location filename="../../ui/review/campaign_dialog.py" line="188" />
        <source>GMV so far</source>
        <translation>累计 GMV</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="139" />
        <location filename="../../ui/review/campaign_dialog.py" line="148" />
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="143" />
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="145" />
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="158" />
        <source>e.g. Double 11 big promotion</source>
        <translation>例如 双11 大促</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="165" />
        <source>yuan, e.g. 200万</source>
        <translation>元，例如 200万</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="166" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="172" />
        <location filename="../../ui/review/campaign_dialog.py" line="215" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="174" />
        <source>GMV target</source>
        <translation>GMV 目标</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="176" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="178" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="189" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="190" />
        <source>Still to reach</source>
        <translation>尚差</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="191" />
        <source>Shows to come</source>
        <translation>待播场次</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="192" />
        <source>Each needs</source>
        <translation>每场需达成</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="193" />
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="194" />
        <source>ROI</source>
        <translation>投产比</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="195" />
        <source>UV value</source>
        <translation>UV 价值</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="213" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="214" />
        <location filename="../../ui/review/campaign_dialog.py" line="233" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="216" />
        <location filename="../../ui/review/campaign_dialog.py" line="233" />
        <location filename="../../ui/review/campaign_dialog.py" line="235" />
        <location filename="../../ui/review/campaign_dialog.py" line="238" />
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="217" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="220" />
        <source>&amp;Add shows…</source>
        <translation>添加场次(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="222" />
        <source>&amp;Remove show</source>
        <translation>移除场次(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="233" />
        <location filename="../../ui/review/campaign_dialog.py" line="238" />
        <location filename="../../ui/review/campaign_dialog.py" line="274" />
        <source>Shows</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="235" />
        <source>Segment kind</source>
        <translation>环节类型</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="235" />
        <source>Segments</source>
        <translation>环节数</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="235" />
        <source>GMV / min</source>
        <translation>每分钟成交</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="238" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="238" />
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="268" />
        <source>Saved with Save; an empty field sets no target.</source>
        <translation>点“保存”后生效；留空表示不设目标。</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="273" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="275" />
        <source>What earned</source>
        <translation>成交来源</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="276" />
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="292" />
        <source>&amp;Export campaign report…</source>
        <translation>导出活动报告(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/review/campaign_dialog.py" line="373" />
        <source>%n without figures</source>
        <translation>
            <numerusform>%n 场没有数据</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="330" />
        <source>reported</source>
        <translation>已有数据</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="331" />
        <source>to come</source>
        <translation>待播</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="332" />
        <source>no figures: date passed, no metrics imported</source>
        <translation>无数据：日期已过，未导入数据</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="338" />
        <source>outside the campaign's dates</source>
        <translation>不在活动日期内</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="489" />
        <source>Delete campaign</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="490" />
        <source>Delete the campaign “%1”? Its shows stay as they are.</source>
        <translation>删除活动“%1”？其中的场次保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="547" />
        <source>%1 per minute</source>
        <translation>每分钟 %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="558" />
        <source>Best segment kind</source>
        <translation>最佳环节类型</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="562" />
        <source>Worst segment kind</source>
        <translation>最差环节类型</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="566" />
        <source>Best product</source>
        <translation>最佳商品</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="570" />
        <source>Worst product</source>
        <translation>最差商品</translation>
    </message>
</context>
<context>
    <name>CampaignReport</name>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="50" />
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="51" />
        <location filename="../../ui/review/campaign_report.py" line="146" />
        <location filename="../../ui/review/campaign_report.py" line="367" />
        <source>Viewers</source>
        <translation>观看人数</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="52" />
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="53" />
        <source>New followers</source>
        <translation>新增粉丝</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="54" />
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="55" />
        <location filename="../../ui/review/campaign_report.py" line="150" />
        <location filename="../../ui/review/campaign_report.py" line="374" />
        <source>UV value</source>
        <translation>UV 价值</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="56" />
        <source>Order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="57" />
        <source>GPM</source>
        <translation>千次观看成交</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="58" />
        <location filename="../../ui/review/campaign_report.py" line="148" />
        <location filename="../../ui/review/campaign_report.py" line="370" />
        <source>ROI</source>
        <translation>投产比</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="59" />
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="60" />
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="61" />
        <source>Net GMV</source>
        <translation>净 GMV</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="62" />
        <source>Average watch time (s)</source>
        <translation>人均观看时长（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="63" />
        <source>Ad spend at most</source>
        <translation>投放消耗上限</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="64" />
        <source>Refunds at most</source>
        <translation>退款率上限</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="85" />
        <location filename="../../ui/review/campaign_report.py" line="488" />
        <source>met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="87" />
        <source>short by %1</source>
        <translation>差 %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="131" />
        <location filename="../../ui/review/campaign_report.py" line="354" />
        <source>GMV so far</source>
        <translation>累计 GMV</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="132" />
        <location filename="../../ui/review/campaign_report.py" line="253" />
        <location filename="../../ui/review/campaign_report.py" line="355" />
        <location filename="../../ui/review/campaign_report.py" line="476" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="134" />
        <location filename="../../ui/review/campaign_report.py" line="356" />
        <source>Still to reach</source>
        <translation>尚差</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="138" />
        <location filename="../../ui/review/campaign_report.py" line="357" />
        <source>Shows to come</source>
        <translation>待播场次</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="142" />
        <location filename="../../ui/review/campaign_report.py" line="363" />
        <source>Each needs</source>
        <translation>每场需达成</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="145" />
        <location filename="../../ui/review/campaign_report.py" line="366" />
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="147" />
        <location filename="../../ui/review/campaign_report.py" line="368" />
        <source>Ad spend</source>
        <translation>投放消耗</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="160" />
        <source>1 show; the target is all its own.</source>
        <translation>1 场；目标全由这一场承担。</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="162" />
        <source>%1 shows; the target is spread evenly over them.</source>
        <translation>%1 场；目标平均分摊到各场。</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="173" />
        <source>What earned</source>
        <translation>成交来源</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="176" />
        <location filename="../../ui/review/campaign_report.py" line="201" />
        <location filename="../../ui/review/campaign_report.py" line="236" />
        <location filename="../../ui/review/campaign_report.py" line="391" />
        <location filename="../../ui/review/campaign_report.py" line="434" />
        <location filename="../../ui/review/campaign_report.py" line="466" />
        <source>Shows</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="180" />
        <location filename="../../ui/review/campaign_report.py" line="393" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="181" />
        <location filename="../../ui/review/campaign_report.py" line="200" />
        <location filename="../../ui/review/campaign_report.py" line="394" />
        <location filename="../../ui/review/campaign_report.py" line="433" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="182" />
        <location filename="../../ui/review/campaign_report.py" line="349" />
        <location filename="../../ui/review/campaign_report.py" line="395" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="184" />
        <location filename="../../ui/review/campaign_report.py" line="397" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="197" />
        <location filename="../../ui/review/campaign_report.py" line="431" />
        <source>By platform</source>
        <translation>按平台</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="211" />
        <location filename="../../ui/review/campaign_report.py" line="444" />
        <source>By segment kind</source>
        <translation>按环节类型</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="214" />
        <location filename="../../ui/review/campaign_report.py" line="446" />
        <source>Segment kind</source>
        <translation>环节类型</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="215" />
        <location filename="../../ui/review/campaign_report.py" line="447" />
        <source>Segments</source>
        <translation>环节数</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="217" />
        <location filename="../../ui/review/campaign_report.py" line="449" />
        <source>GMV / min</source>
        <translation>每分钟成交</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="232" />
        <location filename="../../ui/review/campaign_report.py" line="463" />
        <source>By product</source>
        <translation>按商品</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="235" />
        <location filename="../../ui/review/campaign_report.py" line="465" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="237" />
        <location filename="../../ui/review/campaign_report.py" line="467" />
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="248" />
        <location filename="../../ui/review/campaign_report.py" line="474" />
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="254" />
        <location filename="../../ui/review/campaign_report.py" line="477" />
        <source>Aim</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="255" />
        <location filename="../../ui/review/campaign_report.py" line="478" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="256" />
        <location filename="../../ui/review/campaign_report.py" line="479" />
        <source>Against target</source>
        <translation>对比目标</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="351" />
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="359" />
        <source>Shows without figures</source>
        <translation>没有数据的场次</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="382" />
        <source>Summary</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="384" />
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="385" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="412" />
        <source>Pace</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="414" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="416" />
        <source>So far</source>
        <translation>累计</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="417" />
        <source>Target so far</source>
        <translation>累计目标</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="490" />
        <source>not met</source>
        <translation>未达成</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="515" />
        <source>Export campaign report</source>
        <translation>导出活动报告</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="517" />
        <source>PDF report (*.pdf);;Spreadsheet (*.xlsx)</source>
        <translation>PDF 报告 (*.pdf);;电子表格 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="529" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="530" />
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="43" />
        <source>Compare shows</source>
        <translation>多场对比</translation>
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="45" />
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="54" />
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="58" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="60" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="62" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="71" />
        <source>Segment kind</source>
        <translation>环节类型</translation>
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="76" />
        <source>Time slot</source>
        <translation>开播时段</translation>
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="89" />
        <source>GMV (yuan)</source>
        <translation>成交金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="90" />
        <source>GMV per minute (yuan)</source>
        <translation>每分钟成交（元）</translation>
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="111" />
        <source>Shows</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="112" />
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="113" />
        <source>What earns</source>
        <translation>什么最赚钱</translation>
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="149" />
        <source>%1 shows, %2 with minute metrics; sales credited %3 min after the pitch.</source>
        <translation>共 %1 场，%2 场有分钟数据；成交计入 %3 分钟前的环节。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="49" />
        <source>Changed by someone else</source>
        <translation>他人已修改</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="54" />
        <source>Someone else changed the %1 “%2” while you were editing it.</source>
        <translation>你编辑时，他人修改了%1“%2”。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="61" />
        <source>Choose whose value to keep for each field. Where they changed a field too, theirs is chosen; where they did not, yours is.</source>
        <translation>请逐项选择保留谁的值。对方也改过的项默认选对方的，对方没改的项默认选你的。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="71" />
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="71" />
        <source>Was</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="71" />
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="71" />
        <source>Yours</source>
        <translation>你的</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="104" />
        <source>Keep theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="105" />
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="106" />
        <source>Use my choices</source>
        <translation>按我的选择</translation>
    </message>
</context>
<context>
    <name>CountedNames</name>
    <message numerus="yes">
        <location filename="../../ui/editor/commands.py" line="313" />
        <source>Delete %n segment(s)</source>
        <translation>
            <numerusform>删除 %n 个环节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/commands.py" line="316" />
        <source>Duplicate %n segment(s)</source>
        <translation>
            <numerusform>复制 %n 个环节</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountersPanel</name>
    <message>
        <location filename="../../ui/desk/counters_panel.py" line="69" />
        <source>stock %1 · sold %2 · left %3</source>
        <translation>库存 %1 · 已售 %2 · 剩余 %3</translation>
    </message>
    <message>
        <location filename="../../ui/desk/counters_panel.py" line="82" />
        <source>released %1 · claimed %2</source>
        <translation>已放 %1 · 已领 %2</translation>
    </message>
    <message>
        <location filename="../../ui/desk/counters_panel.py" line="100" />
        <source>SOLD OUT</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <location filename="../../ui/desk/counters_panel.py" line="129" />
        <source>Sold %1</source>
        <translation>已售 %1</translation>
    </message>
    <message>
        <location filename="../../ui/desk/counters_panel.py" line="143" />
        <source>Sold out</source>
        <translation>售罄</translation>
    </message>
    <message>
        <location filename="../../ui/desk/counters_panel.py" line="150" />
        <source>+%1 released</source>
        <translation>加放 %1</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash_dialog.py" line="34" />
        <source>liveplanner: unexpected problem</source>
        <translation>liveplanner：意外问题</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="36" />
        <source>liveplanner hit an unexpected problem and stopped what it was doing.</source>
        <translation>liveplanner 遇到了意外问题，已停止刚才的操作。</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="39" />
        <source>Your work is saved: every change is written to the database when you make it. liveplanner keeps running; if a screen looks wrong, go back to the show list and open the show again.</source>
        <translation>你的工作已保存：每次修改都在做出时写入了数据库。liveplanner 会继续运行；如果某个界面显示不对，请返回场次列表，重新打开这场直播。</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="45" />
        <source>What you were typing in the open box may not have been kept.</source>
        <translation>正在输入框中输入的内容可能没有保存下来。</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="48" />
        <source>The details are in %1. Please send that file, with a word on what you were doing, to whoever looks after liveplanner for you.</source>
        <translation>详细信息在 %1 中。请把这个文件连同你当时在做什么的简短说明，发给为你维护 liveplanner 的人。</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="55" />
        <source>Open the log &amp;folder</source>
        <translation>打开日志文件夹(&amp;F)</translation>
    </message>
</context>
<context>
    <name>CueCards</name>
    <message numerus="yes">
        <location filename="../../ui/printing/cue_cards.py" line="32" />
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n 个环节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/printing/cue_cards.py" line="32" />
        <source>%n cue(s)</source>
        <translation>
            <numerusform>%n 条提示</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="70" />
        <source>(everyone)</source>
        <translation>（全体）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="90" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="91" />
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="92" />
        <source>Your cues</source>
        <translation>你的提示</translation>
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="121" />
        <source>No one on the team has this role: give this card to whoever does it.</source>
        <translation>团队里没有人担任这个角色：请把这张手卡交给负责的人。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="136" />
        <source>%1 · %2 · first at %3</source>
        <translation>%1 · %2 · 最早 %3</translation>
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="146" />
        <source>Nothing in this script is for %1 yet.</source>
        <translation>脚本里还没有%1的安排。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="160" />
        <source>Cue card: %1</source>
        <translation>手卡：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="168" />
        <source>Cue cards</source>
        <translation>手卡</translation>
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="169" />
        <source>No one is on the team yet: add people under Team to print their cue cards.</source>
        <translation>团队里还没有人：请先在“团队”中添加成员，再打印手卡。</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <location filename="../../ui/database_dialog.py" line="48" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="54" />
        <source>This computer (SQLite file, no server)</source>
        <translation>本机（SQLite 文件，无需服务器）</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="55" />
        <source>Team server (PostgreSQL)</source>
        <translation>团队服务器（PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="65" />
        <source>e.g. db.example.com or 192.168.1.20</source>
        <translation>例如 db.example.com 或 192.168.1.20</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="75" />
        <source>saved in the system keyring</source>
        <translation>已存入系统钥匙串</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="76" />
        <source>Save password in the system keyring</source>
        <translation>将密码存入系统钥匙串</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="84" />
        <source>This computer has no system keyring: a password typed here serves until liveplanner closes. To connect at start without typing it, put it in ~/.pgpass or LIVEPLANNER_DATABASE_URL.</source>
        <translation>本机没有系统钥匙串：在此输入的密码只在 liveplanner 关闭前有效。若想启动时无需输入即可连接，请把密码写入 ~/.pgpass 或 LIVEPLANNER_DATABASE_URL。</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="90" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="104" />
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="105" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="106" />
        <source>Database name</source>
        <translation>数据库名</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="107" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="108" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="118" />
        <source>Your name in the change history</source>
        <translation>你在修改记录中的名字</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="137" />
        <source>LIVEPLANNER_DATABASE_URL is set: when liveplanner starts, it opens that database instead of the one chosen here.</source>
        <translation>已设置 LIVEPLANNER_DATABASE_URL：liveplanner 启动时会打开它指定的数据库，而不是这里选的。</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="215" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="235" />
        <source>Connected to PostgreSQL %1.</source>
        <translation>已连接到 PostgreSQL %1。</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="238" />
        <source>The database has no liveplanner tables yet: they will be set up on first connect.</source>
        <translation>该数据库还没有 liveplanner 的表：首次连接时会自动建好。</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="242" />
        <source>The database has no liveplanner tables yet, and this user may not create them: ask the server's administrator to grant CREATE on its schema.</source>
        <translation>该数据库还没有 liveplanner 的表，而此用户无权建表：请服务器管理员授予该 schema 的 CREATE 权限。</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="246" />
        <source>The database holds liveplanner's shows and is ready.</source>
        <translation>该数据库已有 liveplanner 的场次，可以使用。</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="249" />
        <source>The database was written by an older liveplanner: it will be upgraded on first connect (everyone on the team then needs this version).</source>
        <translation>该数据库由旧版 liveplanner 写入：首次连接时会升级（之后团队所有人都需要使用此版本）。</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="254" />
        <source>The database was written by a newer liveplanner (schema %1): update liveplanner before using it.</source>
        <translation>该数据库由新版 liveplanner 写入（schema %1）：请先升级 liveplanner 再使用。</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="262" />
        <source>Could not connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="279" />
        <source>Password not saved</source>
        <translation>密码未保存</translation>
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="283" />
        <source>Untick “Save password in the system keyring” to go on without saving it.</source>
        <translation>取消勾选“将密码存入系统钥匙串”即可不保存密码继续。</translation>
    </message>
</context>
<context>
    <name>DateAxis</name>
    <message>
        <location filename="../../ui/review/date_axis.py" line="17" />
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="18" />
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="19" />
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="20" />
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="21" />
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="22" />
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="23" />
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="24" />
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="25" />
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="26" />
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="27" />
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="28" />
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="31" />
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="32" />
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="33" />
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="34" />
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="35" />
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="36" />
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="37" />
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="65" />
        <source>%1 %2</source>
        <translation>%2日 %1</translation>
    </message>
</context>
<context>
    <name>DeskTexts</name>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="15" />
        <source>Cue</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="16" />
        <source>Put on the shelf</source>
        <translation>上架</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="17" />
        <source>Set the price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="18" />
        <source>Release coupons</source>
        <translation>发券</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="19" />
        <source>Start the draw</source>
        <translation>开抽</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="29" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="38" />
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="42" />
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="43" />
        <source>%1 late</source>
        <translation>已晚 %1</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="160" />
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="166" />
        <source>Last ticks</source>
        <translation>最近勾选</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="167" />
        <source>Checklist and cues</source>
        <translation>清单和提示</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="168" />
        <source>Products and promos</source>
        <translation>商品和优惠</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="169" />
        <source>The show's figures</source>
        <translation>本场数据</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="174" />
        <source>Close this screen</source>
        <translation>关闭此屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="202" />
        <source>No run open</source>
        <translation>未在计时</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="202" />
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="205" />
        <source>LIVE</source>
        <translation>直播</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="205" />
        <source>REHEARSAL</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="207" />
        <source>%1 · PAUSED</source>
        <translation>%1 · 已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="216" />
        <source>No run is open: this screen shows the plan and counts nothing. Ticks start with the run (Run ▸ Rehearse or run…).</source>
        <translation>没有进行中的计时：本屏幕只显示方案，不计数。开始计时后才能勾选（运行 ▸ 彩排或直播…）。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="222" />
        <source>The run is over</source>
        <translation>本次运行已结束</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="227" />
        <source>Next: %1 (%2)</source>
        <translation>下一环节：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="231" />
        <source>Next: the end</source>
        <translation>下一环节：结束</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="236" />
        <source>Nothing for this screen now or in the next two minutes</source>
        <translation>现在和接下来两分钟没有本屏幕的事项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="244" />
        <source>No product or promo in this segment</source>
        <translation>本环节没有商品或优惠</translation>
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="256" />
        <source>No ticks yet</source>
        <translation>还没有勾选</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../../ui/desk/figures_panel.py" line="77" />
        <source>No figures yet: they come from the live feed</source>
        <translation>还没有数据：数据来自直播数据源</translation>
    </message>
    <message>
        <location filename="../../ui/desk/figures_panel.py" line="86" />
        <source>GMV so far %1 · pace to target %2</source>
        <translation>累计成交额 %1 · 目标进度 %2</translation>
    </message>
    <message>
        <location filename="../../ui/desk/figures_panel.py" line="97" />
        <source>Online now %1</source>
        <translation>当前在线 %1</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../ui/editor/panels.py" line="148" />
        <source>&amp;Assign a host…</source>
        <translation>指定主播(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/panels.py" line="150" />
        <source>Choose one person as host of every product intro that has none</source>
        <translation>为所有没有主播的产品讲解环节指定同一位主播</translation>
    </message>
    <message>
        <location filename="../../ui/editor/panels.py" line="186" />
        <source>Every limit holds.</source>
        <translation>所有限制均满足。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/panels.py" line="206" />
        <source>Host of %n product intro(s): segments %1.</source>
        <translation>
            <numerusform>担任 %n 个产品讲解环节的主播：环节 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/editor/panels.py" line="209" />
        <source>Assign a host</source>
        <translation>指定主播</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/panels.py" line="214" />
        <source>Assign %1 as host of %n segment(s)</source>
        <translation>
            <numerusform>指定 %1 为 %n 个环节的主播</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/history_dialog.py" line="35" />
        <source>History of %1</source>
        <translation>%1 的修改记录</translation>
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="44" />
        <source>Find a person, a segment, a field…</source>
        <translation>查找人名、环节、字段…</translation>
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="48" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="48" />
        <source>Who</source>
        <translation>谁</translation>
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="48" />
        <source>What</source>
        <translation>改了什么</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/history_dialog.py" line="62" />
        <source>%n change(s)</source>
        <translation>
            <numerusform>共 %n 条修改</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/library/models.py" line="91" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="92" />
        <source>Show</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="93" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="94" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="95" />
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="96" />
        <source>Sell-through</source>
        <translation>售罄率</translation>
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="97" />
        <source>GMV/min pitched</source>
        <translation>讲解时每分钟成交</translation>
    </message>
</context>
<context>
    <name>HostDisplay</name>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="60" />
        <source>over/under %1</source>
        <translation>超时/提前 %1</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="69" />
        <source>ends about %1</source>
        <translation>预计 %1 结束</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="74" />
        <source>none yet</source>
        <translation>还没有</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="76" />
        <source>READY · Space starts the run</source>
        <translation>就绪 · 按空格开始</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="77" />
        <source>PAUSED · Space resumes</source>
        <translation>已暂停 · 按空格继续</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="80" />
        <source>Sold out — move on</source>
        <translation>已售罄 — 进入下一环节</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="86" />
        <source>The run is over</source>
        <translation>本次运行已结束</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="107" />
        <source>the end of the show</source>
        <translation>直播结束</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="109" />
        <source>none in the next minute</source>
        <translation>一分钟内没有</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="134" />
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="136" />
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="152" />
        <source>%1: flash sale ¥%2, %3 units</source>
        <translation>%1：秒杀价 ¥%2，%3 件</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="154" />
        <source>%1: ¥%2, stock %3</source>
        <translation>%1：¥%2，库存 %3</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="160" />
        <source>%1 ×%2 at %3</source>
        <translation>%1 ×%2，于 %3</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="165" />
        <source>no product or promo in this segment</source>
        <translation>本环节没有商品或优惠</translation>
    </message>
</context>
<context>
    <name>HostPresenter</name>
    <message>
        <location filename="../../ui/rehearsal/host_presenter.py" line="30" />
        <source>Screen %1</source>
        <translation>屏幕 %1</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_presenter.py" line="32" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>HostView</name>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="54" />
        <source>LIVE: %1</source>
        <translation>直播：%1</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="54" />
        <source>Rehearsal: %1</source>
        <translation>彩排：%1</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="64" />
        <source>LIVE</source>
        <translation>直播</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="64" />
        <source>REHEARSAL</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="123" />
        <source>Flash</source>
        <translation>闪烁</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="124" />
        <source>Sound at warning and zero</source>
        <translation>警告和归零时提示音</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="127" />
        <source>Presenter screen</source>
        <translation>提词屏</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="108" />
        <source>Next</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="109" />
        <source>Cues due soon</source>
        <translation>即将到来的提示</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="110" />
        <source>Product and promos</source>
        <translation>商品与优惠</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="116" />
        <source>A note for the log (N; Enter logs it)</source>
        <translation>记一笔到运行日志（按 N 开始输入，回车记下）</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="120" />
        <source>Message to the presenter screen, e.g. wrap up (M; Enter sends it)</source>
        <translation>发给提词屏的消息，例如：准备收尾（按 M 开始输入，回车发送）</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="126" />
        <source>The screen the presenter screen fills</source>
        <translation>提词屏全屏显示在哪块屏幕上</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="243" />
        <source>Start or pause</source>
        <translation>开始或暂停</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="249" />
        <source>Next segment</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="255" />
        <source>Previous segment</source>
        <translation>上一环节</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="261" />
        <source>%1 s more</source>
        <translation>加 %1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="267" />
        <source>%1 s less</source>
        <translation>减 %1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="273" />
        <source>Type a note for the log</source>
        <translation>输入一条运行日志</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="279" />
        <source>Type a message to the presenter</source>
        <translation>输入发给提词屏的消息</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="285" />
        <source>Open the presenter screen</source>
        <translation>打开提词屏</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="245" />
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="111" />
        <source>Last ticks</source>
        <translation>最近勾选</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="245" />
        <source>start/pause</source>
        <translation>开始/暂停</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="251" />
        <source>next</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="257" />
        <source>previous</source>
        <translation>上一环节</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="263" />
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="275" />
        <source>note</source>
        <translation>记日志</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="281" />
        <source>message</source>
        <translation>发消息</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="287" />
        <source>presenter screen</source>
        <translation>提词屏</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="293" />
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="293" />
        <source>leave</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="337" />
        <source>Not saved yet, kept and retried with the next action: %1</source>
        <translation>尚未保存，已暂存，下次操作时重试：%1</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="395" />
        <location filename="../../ui/rehearsal/host_view.py" line="398" />
        <location filename="../../ui/rehearsal/host_view.py" line="450" />
        <source>End the run</source>
        <translation>结束运行</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="396" />
        <source>This is the last segment. End the run now?</source>
        <translation>这是最后一个环节。现在结束运行吗？</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="399" />
        <source>Keep running</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="446" />
        <source>The run is still open. End it now, or leave it open and resume it later with Run ▸ Rehearse or run (F5).</source>
        <translation>本次运行还没有结束。现在结束，还是保持未结束，之后用“运行 ▸ 彩排或直播”（F5）继续？</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="451" />
        <source>Leave it open to resume</source>
        <translation>保持未结束，之后继续</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="452" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="291" />
        <location filename="../../ui/rehearsal/host_view.py" line="444" />
        <source>Leave the timer</source>
        <translation>离开计时器</translation>
    </message>
</context>
<context>
    <name>ImportDialogLayout</name>
    <message>
        <location filename="../../ui/review/import_layout.py" line="42" />
        <source>A CSV, XLSX or JSON export from the platform</source>
        <translation>平台导出的 CSV、XLSX 或 JSON 文件</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="43" />
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="50" />
        <source>Recognise from the headers</source>
        <translation>按表头自动识别</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="60" />
        <source>As the layout says</source>
        <translation>按模板规则</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="61" />
        <source>Highest reading of the minute</source>
        <translation>取每分钟最高值</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="62" />
        <source>Last reading of the minute</source>
        <translation>取每分钟最后一次读数</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="73" />
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="74" />
        <source>Layout:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="75" />
        <source>Date for times without one:</source>
        <translation>无日期时间的日期：</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="76" />
        <source>Time zone of the file:</source>
        <translation>文件时区：</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="77" />
        <source>Online viewers per minute:</source>
        <translation>每分钟在线人数：</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="105" />
        <source>Import it as it is (its minutes fall outside every segment)</source>
        <translation>按原样导入（其中的分钟都不属于任何环节）</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="124" />
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="124" />
        <source>Read as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="136" />
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="137" />
        <source>Preview: the first rows as read</source>
        <translation>预览：读取到的前几行</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="146" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="157" />
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="170" />
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="56" />
        <source>Product library</source>
        <translation>商品库</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="68" />
        <source>yuan, such as 59.9</source>
        <translation>元，如 59.9</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="70" />
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="71" />
        <source>&amp;Link / SKU</source>
        <translation>链接号 / SKU(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="72" />
        <source>List &amp;price</source>
        <translation>原价(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="73" />
        <source>C&amp;ost</source>
        <translation>成本(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="74" />
        <source>No&amp;tes</source>
        <translation>备注(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="75" />
        <source>&amp;Save changes</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="89" />
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="91" />
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="93" />
        <source>Add to &amp;this show</source>
        <translation>加入本场(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="96" />
        <source>Open a show in the editor to add products to it</source>
        <translation>在编辑器中打开一场直播，才能把商品加入</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="99" />
        <source>Add to “%1” (Undo takes it out)</source>
        <translation>加入“%1”（撤销可移除）</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="184" />
        <source>History across shows</source>
        <translation>历场表现</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="193" />
        <source>History of “%1” (shows: %2)</source>
        <translation>“%1”的历场表现（共 %2 场）</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="224" />
        <source>New product</source>
        <translation>新商品</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="269" />
        <source>Added to “%1”</source>
        <translation>已加入“%1”</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../ui/library/models.py" line="51" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="51" />
        <source>Link / SKU</source>
        <translation>链接号 / SKU</translation>
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="51" />
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="51" />
        <source>Cost</source>
        <translation>成本</translation>
    </message>
</context>
<context>
    <name>LockBar</name>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="43" />
        <source>Read-only: another liveplanner has this database open. You can look, print and export here, but not change anything.</source>
        <translation>只读：另一个 liveplanner 已打开此数据库。这里可以查看、打印和导出，但不能修改。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="52" />
        <source>%1: the script is locked, so nothing in it changes by accident. Unlock it to make a change; the unlock is recorded in the show's history.</source>
        <translation>%1：脚本已锁定，不会被误改。要修改请先解锁；解锁会记入本场的修改记录。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="56" />
        <source>Unlock for editing…</source>
        <translation>解锁编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="62" />
        <source>%1, unlocked for editing: changes reach the host's cards and cues at once. It locks again at the next status change.</source>
        <translation>%1，已解锁编辑：改动会立刻进入主播手卡和提示。下次状态变更时会重新锁定。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="66" />
        <source>Lock again</source>
        <translation>重新锁定</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="83" />
        <source>Unlock the script of “%1” for editing?</source>
        <translation>解锁“%1”的脚本进行编辑吗？</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="85" />
        <source>The show is live. A change to a segment moves the timer's times and the host's cues while the show runs.</source>
        <translation>本场正在直播。修改环节会在直播中改变计时器的时间和主播的提示。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="91" />
        <source>The show is %1: it was signed off as it is.</source>
        <translation>本场状态为%1：脚本已按现状确认。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="96" />
        <source>Unlock the script</source>
        <translation>解锁脚本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="99" />
        <source>Your name and the time are recorded in the show's history.</source>
        <translation>你的名字和时间会记入本场的修改记录。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_menus.py" line="34" />
        <source>Add &amp;demo show</source>
        <translation>添加演示场次(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="55" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="27" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92" />
        <location filename="../../ui/main_window.py" line="392" />
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="29" />
        <source>&amp;New show…</source>
        <translation>新建场次(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="37" />
        <source>&amp;Open show</source>
        <translation>打开场次(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="40" />
        <source>D&amp;uplicate show</source>
        <translation>复制场次(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="43" />
        <source>De&amp;lete show</source>
        <translation>删除场次(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="46" />
        <source>&amp;Back to shows</source>
        <translation>返回场次列表(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="49" />
        <source>Bac&amp;kups…</source>
        <translation>备份(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="52" />
        <source>D&amp;atabase…</source>
        <translation>数据库(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="68" />
        <source>&amp;Import script…</source>
        <translation>导入脚本(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="77" />
        <source>&amp;Export script…</source>
        <translation>导出脚本(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="82" />
        <source>&amp;Print run sheet…</source>
        <translation>打印直播流程表(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="87" />
        <source>Print &amp;cue cards…</source>
        <translation>打印手卡(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="92" />
        <source>Save as &amp;team template…</source>
        <translation>存为团队模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="111" />
        <source>P&amp;references…</source>
        <translation>偏好设置(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="119" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="121" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="125" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="133" />
        <source>&amp;Find shows</source>
        <translation>查找场次(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="139" />
        <source>Show &amp;history…</source>
        <translation>修改记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="144" />
        <source>Product &amp;library…</source>
        <translation>商品库(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="149" />
        <source>&amp;Segment</source>
        <translation>环节(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="151" />
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="153" />
        <source>&amp;Rehearse or run…</source>
        <translation>彩排或直播(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="156" />
        <source>Rehearsal re&amp;sults…</source>
        <translation>彩排结果(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="161" />
        <source>S&amp;hare screens…</source>
        <translation>共享屏幕(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="166" />
        <source>Ro&amp;le screens</source>
        <translation>角色屏幕(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="170" />
        <source>&amp;Host</source>
        <translation>主播(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="171" />
        <source>&amp;Co-host</source>
        <translation>助播(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="172" />
        <source>&amp;Floor control</source>
        <translation>场控(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="175" />
        <source>C&amp;ustomer service</source>
        <translation>客服(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="177" />
        <source>&amp;Operations</source>
        <translation>运营(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="181" />
        <source>&amp;Person…</source>
        <translation>个人(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="189" />
        <source>Live &amp;alerts…</source>
        <translation>直播提醒(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="193" />
        <source>Revie&amp;w</source>
        <translation>复盘(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="195" />
        <source>&amp;Review show</source>
        <translation>复盘本场(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="198" />
        <source>Back to the &amp;script</source>
        <translation>返回脚本(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="203" />
        <source>&amp;Import metrics…</source>
        <translation>导入分钟数据(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="208" />
        <source>Import &amp;product figures…</source>
        <translation>导入商品数据(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="212" />
        <source>&amp;Export report…</source>
        <translation>导出复盘报告(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="217" />
        <source>&amp;Compare shows…</source>
        <translation>多场对比(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="221" />
        <source>Ca&amp;mpaigns…</source>
        <translation>活动(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="253" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="254" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="257" />
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="258" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="265" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="268" />
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="278" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="280" />
        <source>&amp;Welcome…</source>
        <translation>欢迎页(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="284" />
        <source>&amp;About liveplanner</source>
        <translation>关于 liveplanner(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240" />
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../ui/run_flow.py" line="43" />
        <source>This show has no segments yet: there is nothing to run.</source>
        <translation>这场还没有环节，没有可运行的内容。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="255" />
        <source>Imported %n minute values from %1</source>
        <translation>
            <numerusform>已从 %1 导入 %n 个分钟数据</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265" />
        <source>A team database on PostgreSQL is backed up by its server, not here.</source>
        <translation>团队的 PostgreSQL 数据库由其服务器备份，不在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269" />
        <source>End the run on the timer before restoring a backup.</source>
        <translation>请先结束计时器上的直播或彩排，再恢复备份。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274" />
        <source>This window is read-only: the liveplanner that has the database open makes and restores its backups.</source>
        <translation>本窗口为只读：备份的制作和恢复由已打开此数据库的那个 liveplanner 负责。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289" />
        <source>End the run on the timer before changing the database.</source>
        <translation>请先结束计时器上的直播或彩排，再更换数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="230" />
        <source>liveplanner goes on with the database it had open.</source>
        <translation>liveplanner 继续使用原来打开的数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298" />
        <source>Now using %1</source>
        <translation>正在使用 %1</translation>
    </message>
    <message>
        <location filename="../../ui/review_flow.py" line="44" />
        <source>%1 — review — liveplanner</source>
        <translation>%1 — 复盘 — liveplanner</translation>
    </message>
    <message>
        <location filename="../../ui/show_flow.py" line="104" />
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="365" />
        <source>The new language takes effect when liveplanner starts next.</source>
        <translation>新语言将在下次启动 liveplanner 时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_flow.py" line="60" />
        <source>Your shows are kept on this computer, in %1. File ▸ Database… connects to a team's server instead.</source>
        <translation>你的直播场次保存在本机的 %1 中。如需改用团队服务器，请用“文件 ▸ 数据库…”连接。</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_flow.py" line="65" />
        <source>Your shows are kept in the team's database %1.</source>
        <translation>你的直播场次保存在团队数据库 %1 中。</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_flow.py" line="99" />
        <source>Takes effect when liveplanner starts next.</source>
        <translation>下次启动 liveplanner 时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423" />
        <source>not open</source>
        <translation>未打开</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="428" />
        <source>by the team's server</source>
        <translation>由团队服务器负责</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="436" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="250" />
        <source>%n show(s)</source>
        <translation>
            <numerusform>共 %n 场</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/products_flow.py" line="31" />
        <source>Imported product figures from %1 (%2 rows)</source>
        <translation>已从 %1 导入商品数据（%2 行）</translation>
    </message>
    <message>
        <location filename="../../ui/library_flow.py" line="43" />
        <source>Saved team template “%1”</source>
        <translation>已保存团队模板“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/desk_flow.py" line="44" />
        <source>This show has no people yet: add the team first.</source>
        <translation>本场还没有人员：请先添加团队。</translation>
    </message>
    <message>
        <location filename="../../ui/desk_flow.py" line="50" />
        <source>Person's screen</source>
        <translation>个人屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/desk_flow.py" line="51" />
        <source>Whose screen:</source>
        <translation>谁的屏幕：</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/messages/findings.py" line="14" />
        <source>Promo “{promo}”: segments release {released}, only {quantity} available</source>
        <translation>优惠“{promo}”：各环节共发放 {released}，可用仅 {quantity}</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="17" />
        <source>Product “{product}”: flash sales need {units} units, stock for the show is {stock}</source>
        <translation>商品“{product}”：秒杀需要 {units} 件，本场库存仅 {stock}</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="21" />
        <source>Promo “{promo}” can cost {exposure} yuan, over its budget of {budget}</source>
        <translation>优惠“{promo}”最多花费 {exposure} 元，超出预算 {budget}</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="24" />
        <source>“{product}” at {price} yuan is under its price floor of {floor}</source>
        <translation>“{product}”售价 {price} 元，低于价格底线 {floor}</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="27" />
        <source>“{product}” is {discount} off its list price, over the maximum discount of {maximum}</source>
        <translation>“{product}”比原价低 {discount}，超过最大折扣 {maximum}</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="31" />
        <source>Coupon “{promo}” takes the price to {price} yuan, under the floor of {floor}</source>
        <translation>优惠券“{promo}”使价格降到 {price} 元，低于底线 {floor}</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="34" />
        <source>Coupon “{promo}” is worth as much as its threshold</source>
        <translation>优惠券“{promo}”面额不低于使用门槛</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="37" />
        <source>Segment {position} “{title}”: a product intro with no product</source>
        <translation>环节 {position}“{title}”：产品讲解没有指定商品</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="40" />
        <source>Segment {position} “{title}”: no host, and the team has none</source>
        <translation>环节 {position}“{title}”：没有主播，团队里也没有主播</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="43" />
        <source>Segments {segments}: no host, and the team has none</source>
        <translation>环节 {segments}：没有主播，团队里也没有主播</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="46" />
        <source>{count} product intros have no host, and the team has none: segments {segments}</source>
        <translation>{count} 个产品讲解环节没有主播，团队里也没有主播：环节 {segments}</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="50" />
        <source>Segment {position}: {person} is both {roles}</source>
        <translation>环节 {position}：{person} 同时担任{roles}</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="53" />
        <source>Segment {position} “{title}” has no length</source>
        <translation>环节 {position}“{title}”时长为零</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="54" />
        <source>Segment {position}: a cue at {offset} comes after the segment ends at {length}</source>
        <translation>环节 {position}：{offset} 的提示晚于环节结束（{length}）</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="57" />
        <source>The script runs {over} past the hard stop</source>
        <translation>脚本超出最晚结束时间 {over}</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="58" />
        <source>The script runs {over} past the planned end</source>
        <translation>脚本超出计划结束时间 {over}</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="62" />
        <source>No benefit for {length}, {start} to {end} (segments {segments}); the show wants one every {every} minutes</source>
        <translation>{start} 至 {end} 共 {length} 没有福利（环节 {segments}）；本场要求每 {every} 分钟至少一档福利</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="67" />
        <source>Segment {position} “{title}” starts {gap} after the benefit of segment {before_position} “{before_title}” ended; the show rests {rest} minutes between benefits</source>
        <translation>环节 {position}“{title}”在环节 {before_position}“{before_title}”的福利结束 {gap} 后就开始；本场两档福利之间至少间隔 {rest} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="72" />
        <source>Segment {position} “{title}”: a product intro of {length}, over the show's limit of {limit} minutes</source>
        <translation>环节 {position}“{title}”：产品讲解 {length}，超过本场上限 {limit} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="77" />
        <source>Segment {position} “{title}”: the offer on “{product}” is not right before or after its product intro</source>
        <translation>环节 {position}“{title}”：“{product}”的优惠没有紧挨在它的产品讲解之前或之后</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="82" />
        <source>Content mix {actual} % (products / promotions / interaction) is off the show's target of {target} %</source>
        <translation>内容占比 {actual} %（商品讲解 / 促销福利 / 互动）偏离本场目标 {target} %</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="90" />
        <source>{items} and {last}</source>
        <translation>{items}和{last}</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="91" />
        <source>{items} and {more} more</source>
        <translation>{items}等（另有 {more} 个）</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="92" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="93" />
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="94" />
        <source>{position} “{title}”</source>
        <translation>{position}“{title}”</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="28" />
        <source>expected such as 1234, 1,234.5, 1.2万, 3.5亿 or ¥99</source>
        <translation>应为 1234、1,234.5、1.2万、3.5亿 或 ¥99 这样的数</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="31" />
        <source>expected such as 2025-11-11 20:05, 11-11 20:05, 20:05 or an Excel date</source>
        <translation>应为 2025-11-11 20:05、11-11 20:05、20:05 或 Excel 日期</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="37" />
        <source>{file} is {size_mb} MB; exports up to {limit_mb} MB can be imported</source>
        <translation>{file} 有 {size_mb} MB，最多可导入 {limit_mb} MB</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="40" />
        <source>{file} is empty</source>
        <translation>{file} 是空文件</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="41" />
        <source>{file} is a folder; expected a file to import</source>
        <translation>{file} 是文件夹；请选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="44" />
        <source>{file} is a pipe or device; expected a file to import</source>
        <translation>{file} 是管道或设备，不是普通文件；请选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="47" />
        <source>{file} holds binary data, not a CSV, XLSX or JSON export</source>
        <translation>{file} 是二进制数据，不是 CSV、XLSX 或 JSON 导出文件</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="50" />
        <source>{file} cannot be read as CSV text ({detail}); save it again as CSV or XLSX</source>
        <translation>{file} 无法作为 CSV 文本读取（{detail}）；请重新保存为 CSV 或 XLSX</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="53" />
        <source>{file} is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV</source>
        <translation>{file} 是 Excel 97-2003 工作簿（.xls）；请另存为 .xlsx 或 CSV</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="56" />
        <source>{file} is a web page, not a spreadsheet; open it in Excel and save it as .xlsx</source>
        <translation>{file} 是网页而不是表格；请用 Excel 打开并另存为 .xlsx</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="60" />
        <source>{file} is named .xlsx but holds text; rename it .csv</source>
        <translation>{file} 扩展名是 .xlsx，内容却是文本；请改名为 .csv</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="63" />
        <source>{file} is an Excel workbook named .{extension}; rename it .xlsx</source>
        <translation>{file} 是 Excel 工作簿，扩展名却是 .{extension}；请改名为 .xlsx</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="66" />
        <source>{file} cannot be opened as an Excel workbook ({detail})</source>
        <translation>{file} 无法作为 Excel 工作簿打开（{detail}）</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="69" />
        <source>{file} inflates to {size_mb} MB of spreadsheet data; workbooks up to {limit_mb} MB inflated can be imported</source>
        <translation>{file} 解压后有 {size_mb} MB 表格数据；可导入的工作簿解压后最多 {limit_mb} MB</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="74" />
        <source>{file} cannot be opened as an Excel workbook (its part {member} is compressed {ratio} to 1; a spreadsheet is at most {limit} to 1)</source>
        <translation>{file} 无法作为 Excel 工作簿打开（其中的 {member} 压缩比为 {ratio} 比 1；表格最多 {limit} 比 1）</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="79" />
        <source>{file}, sheet “{sheet}”: more than {limit} rows; an export or a run sheet has a few thousand at most: split the file or delete the empty rows below the data</source>
        <translation>{file}，工作表“{sheet}”：超过 {limit} 行；导出数据或流程表最多几千行：请拆分文件，或删除数据下方的空行</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="84" />
        <source>{file}, row {row}: more than {limit} columns; no export is that wide</source>
        <translation>{file}，第 {row} 行：超过 {limit} 列；没有这么宽的导出数据</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="87" />
        <source>{file}, sheet “{sheet}”, row {row}: a value beyond column {limit}; no export is that wide</source>
        <translation>{file}，工作表“{sheet}”，第 {row} 行：第 {limit} 列之后还有内容；没有这么宽的导出数据</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="91" />
        <source>{file} is not a data export: its JSON is nested more than {limit} levels deep</source>
        <translation>{file} 不是数据导出文件：其 JSON 嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="95" />
        <source>{file}, line {line}, column {column}: {value} is not a number JSON can hold; expected a number, text or null</source>
        <translation>{file}，第 {line} 行第 {column} 列：{value} 不是 JSON 能表示的数字；应为数字、文本或 null</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="100" />
        <source>{file}, row {row}, column “{column}”: the cell holds {kind}; expected a number, text or null</source>
        <translation>{file}，第 {row} 行，“{column}”列：单元格里是{kind}；应为数字、文本或 null</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="105" />
        <source>{file}, row {row}, column “{column}”: “{value}” is below zero; {metric} is a count or an amount, expected 0 or more</source>
        <translation>{file}，第 {row} 行，“{column}”列：“{value}”小于零；{metric}不会是负数，应为 0 或以上</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="110" />
        <source>{file}, minute {time} (rows {first_row} to {row}), column “{column}”: the rows add up to {value}, more than a show can sell or count in a minute; expected at most {limit}</source>
        <translation>{file}，{time} 这一分钟（第 {first_row} 至 {row} 行），“{column}”列：合计 {value}，超出了一场直播一分钟可能的成交或计数；最多 {limit}</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="116" />
        <source>{file}: every cell of {columns} is empty or “-”; there are no figures to import</source>
        <translation>{file}：{columns}列的每个单元格都为空或“-”；没有可导入的数据</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="120" />
        <source>{file}: {count} of {rows} rows are more than a day from the show ({show_start} to {show_end}), the first in row {row} ({time}); is it this show's export?</source>
        <translation>{file}：{rows} 行中有 {count} 行与本场（{show_start} 至 {show_end}）相差一天以上，第一行是第 {row} 行（{time}）；确定是这一场的数据吗？</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="125" />
        <source>Rows more than a day from the show ({show_start} to {show_end}) left out: {count}, the first row {row} ({time})</source>
        <translation>与本场（{show_start} 至 {show_end}）相差一天以上的行未导入：{count} 行，第一行是第 {row} 行（{time}）</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="130" />
        <source>Rows more than a day from the show ({show_start} to {show_end}) stored as they are (--keep-dates): {count}, the first row {row} ({time}); the review counts them outside the script</source>
        <translation>与本场（{show_start} 至 {show_end}）相差一天以上的行按原样保存（--keep-dates）：{count} 行，第一行是第 {row} 行（{time}）；复盘把它们算在脚本之外</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="136" />
        <source>{file}: its records have {count} different fields; an export has at most {limit}</source>
        <translation>{file}：其记录共有 {count} 个不同字段；导出数据最多 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="140" />
        <source>{file}, sheet “{sheet}”, row {row}, column {column}: the cell holds more than {limit} characters, which no Excel cell can</source>
        <translation>{file}，工作表“{sheet}”，第 {row} 行 {column} 列：单元格超过 {limit} 个字符，Excel 单元格放不下这么多</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="145" />
        <source>{file} is not valid JSON (line {line}, column {column})</source>
        <translation>{file} 不是有效的 JSON（第 {line} 行第 {column} 列）</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="148" />
        <source>{file} holds no list of per-minute records</source>
        <translation>{file} 中没有按分钟的记录列表</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="151" />
        <source>{file}, row {row}: {cells} cells where the header has {expected}</source>
        <translation>{file} 第 {row} 行：有 {cells} 个单元格，表头只有 {expected} 列</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="154" />
        <source>{file}: no header row in its first {rows} rows; expected a row naming a time column (时间, Time …) above rows of times</source>
        <translation>{file}：前 {rows} 行中没有表头；应有一行写明时间列（时间、Time…），其下是各行时间</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="159" />
        <source>{file} has a header but no data rows</source>
        <translation>{file} 只有表头，没有数据行</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="160" />
        <source>{file}: none of the columns is a metric liveplanner knows ({columns}); choose what each column holds below</source>
        <translation>{file}：没有可识别的指标列（{columns}）；请在下方为各列选择导入为何种指标</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="165" />
        <source>{file}: columns “{first}” and “{second}” are both {metric}</source>
        <translation>{file}：“{first}”和“{second}”两列都是{metric}</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="168" />
        <source>{file}, row {row}, column “{column}”: the time is empty</source>
        <translation>{file} 第 {row} 行“{column}”列：时间为空</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="171" />
        <source>{file}, row {row}, column “{column}”: “{value}” is not a time; </source>
        <translation>{file} 第 {row} 行“{column}”列：“{value}”不是时间；</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="174" />
        <source>{file}, row {row}, column “{column}”: “{value}” has no date; give the show's date above</source>
        <translation>{file} 第 {row} 行“{column}”列：“{value}”没有日期；请在上方填写直播日期</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="178" />
        <source>{file}, row {row}, column “{column}”: “{value}” is not a number; </source>
        <translation>{file} 第 {row} 行“{column}”列：“{value}”不是数字；</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="181" />
        <source>{file}, row {row}, column “{column}”: “{value}” is a percentage; a minute's {metric} is a count or an amount, not a share</source>
        <translation>{file}，第 {row} 行，“{column}”列：“{value}”是百分比；每分钟的{metric}是数量或金额，不是占比</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="186" />
        <source>{file}, row {row}, column “{column}”: “{value}” is not a time a show can have; expected a time in the years {first} to {last}</source>
        <translation>{file}，第 {row} 行，“{column}”列：“{value}”不是直播可能有的时间；应为 {first} 至 {last} 年之间的时间</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="191" />
        <source>{file}, row {row}, column “{column}”: “{value}” is more than a show can sell or count in a minute</source>
        <translation>{file}，第 {row} 行，“{column}”列：“{value}”超出了一场直播一分钟可能的成交或计数</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="196" />
        <location filename="../../app/messages/imports.py" line="274" />
        <source>{file}, row {row}: {time} comes before {previous} in row {previous_row}; the time runs backwards</source>
        <translation>{file} 第 {row} 行：{time} 早于第 {previous_row} 行的 {previous}，时间倒退了</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="201" />
        <source>{file}, rows {first_row} and {row}: two different rows for {time} (column “{column}”: {first_value} and {value})</source>
        <translation>{file} 第 {first_row} 行和第 {row} 行：{time} 有两行不同的数据（“{column}”列：{first_value} 与 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="206" />
        <source>{file}, row {row}, column “{column}”: the running total falls from {previous} to {value}</source>
        <translation>{file} 第 {row} 行“{column}”列：累计值从 {previous} 降到了 {value}</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="210" />
        <source>{count} rows repeat an earlier row exactly and were left out (first: row {row})</source>
        <translation>有 {count} 行与前面某行完全相同，已略去（第一处：第 {row} 行）</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="214" />
        <source>Total row {row}, column “{column}”: {total}, but the rows add up to {sum} ({percent} apart)</source>
        <translation>合计行（第 {row} 行）“{column}”列为 {total}，但各行相加为 {sum}（相差 {percent}）</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="219" />
        <source>No rows for {count} minutes between the first and the last: {minutes}</source>
        <translation>首尾之间有 {count} 分钟没有数据：{minutes}</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="222" />
        <source>No rows for 1 minute between the first and the last: {minutes}</source>
        <translation>首尾之间有 1 分钟没有数据：{minutes}</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="225" />
        <source>Column “{column}”: {count} cells are empty or “-”, left empty (not zero)</source>
        <translation>“{column}”列：{count} 个单元格为空或“-”，按缺失处理（不记为零）</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="228" />
        <source>Column “{column}”: 1 cell is empty or “-”, left empty (not zero)</source>
        <translation>“{column}”列：1 个单元格为空或“-”，按缺失处理（不记为零）</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="231" />
        <source>Columns not imported: {columns}</source>
        <translation>未导入的列：{columns}</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="232" />
        <source>The file runs from {start} to {end}, outside the show ({show_start} to {show_end}): is it this show's export?</source>
        <translation>文件时间为 {start} 至 {end}，不在本场 {show_start} 至 {show_end} 之内：确定是这一场的数据吗？</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="237" />
        <source>{rows} rows for {minutes} minutes: per minute, counts and money are added up and {instants} keeps the {rule} reading</source>
        <translation>{rows} 行对应 {minutes} 分钟：每分钟的计数和金额相加，{instants}取{rule}读数</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="245" />
        <source>{file}: no header row in its first {rows} rows; expected a row naming columns such as 序号, 时间, 时长, 环节, 商品 (or No., Time, Duration, Segment, Product)</source>
        <translation>{file}：前 {rows} 行中没有表头；需要一行列名，如 序号、时间、时长、环节、商品</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="250" />
        <source>the mapping has {given} columns, the sheet has {columns}</source>
        <translation>映射有 {given} 列，而表格有 {columns} 列</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="253" />
        <source>{file}: no length (时长) and no start time (时间) column; map one of them to time the segments</source>
        <translation>{file}：没有时长列，也没有时间列；请将其中一列设为时长或开始时间，用来计算各环节时间</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="258" />
        <source>{file}: the header is in row {row}, but no row under it holds a segment</source>
        <translation>{file}：表头在第 {row} 行，但其下没有任何环节</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="261" />
        <source>{file}, row {row}, column “{column}”: “{value}” is not {what}; {expected}</source>
        <translation>{file}，第 {row} 行，“{column}”列：“{value}”不是{what}；{expected}</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="264" />
        <source>{file}, row {row}, column “{column}”: the length is empty and no start time follows to work it out from; give minutes (5), m:ss (5:30) or h:mm:ss</source>
        <translation>{file}，第 {row} 行，“{column}”列：时长为空，下一行也没有开始时间可推算；请填写分钟数 (5)、分:秒 (5:30) 或 时:分:秒</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="269" />
        <source>{file}, row {row}, column “{column}”: the start time is empty; without a length column every row needs its start time</source>
        <translation>{file}，第 {row} 行，“{column}”列：开始时间为空；没有时长列时，每一行都需要开始时间</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="279" />
        <source>No date in the sheet: the show is put on {date}; change it if that is wrong</source>
        <translation>表格中没有日期：场次日期设为 {date}，如不对请修改</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="282" />
        <source>The sheet's date has no year: the show is put on {date}</source>
        <translation>表格中的日期没有年份：场次日期设为 {date}</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="285" />
        <source>Row {row}, column “{column}”: {value} for “{product}”, which the products sheet gives as {first}; the products sheet is kept</source>
        <translation>第 {row} 行，“{column}”列：“{product}”写的是 {value}，商品表中是 {first}；以商品表为准</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="290" />
        <source>No start time in the sheet: the show starts at {time}</source>
        <translation>表格中没有开始时间：场次从 {time} 开始</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="293" />
        <source>Row {row}, column “{column}”: Excel had turned the length into the time of day {value}; read as {length}</source>
        <translation>第 {row} 行，“{column}”列：Excel 把时长变成了时刻 {value}；按 {length} 读取</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="298" />
        <source>Row {row}: the last segment has a start time but no end or length; its length is 0:00 until you set it</source>
        <translation>第 {row} 行：最后一个环节只有开始时间，没有结束时间或时长；时长暂为 0:00，请补上</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="303" />
        <source>Row {row}, column “{column}”: the sheet says {value}, the lengths above make it {planned}; the lengths are kept</source>
        <translation>第 {row} 行，“{column}”列：表中写的是 {value}，按上面各环节时长推算是 {planned}；以时长为准</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="308" />
        <source>Row {row}, column “{column}”: “{value}” is not a segment kind; read as {kind}</source>
        <translation>第 {row} 行，“{column}”列：“{value}”不是已知的环节类型；按“{kind}”读取</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="312" />
        <source>Row {row}, column “{column}”: {names}; {first} takes the role in this segment, all of them join the team</source>
        <translation>第 {row} 行，“{column}”列：{names}；本环节由 {first} 担任，所有人都加入团队</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="317" />
        <source>Row {row}, column “{column}”: {value} for “{product}”, which row {first_row} gave as {first}; the first is kept</source>
        <translation>第 {row} 行，“{column}”列：“{product}”写的是 {value}，第 {first_row} 行写的是 {first}；以第一次为准</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="322" />
        <source>Row {row}: the flash sale names no product; it is tied to “{product}”, the product before it</source>
        <translation>第 {row} 行：秒杀没有写商品；关联到前面的商品“{product}”</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="327" />
        <source>Row {row}, column “{column}”: the promos come from the sheet “{sheet}”; this text, which differs from them, was not read</source>
        <translation>第 {row} 行，“{column}”列：优惠以“{sheet}”表为准；这里的文字与之不同，未读取</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="332" />
        <source>Sheet “{sheet}”, row {row}: segment {position} is not in the run sheet; left out</source>
        <translation>“{sheet}”表第 {row} 行：脚本中没有序号 {position} 的环节；已略过</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="336" />
        <source>{file} is not a liveplanner show file; expected a JSON object with "format": "liveplanner.show"</source>
        <translation>{file} 不是 liveplanner 场次文件；需要含 "format": "liveplanner.show" 的 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="341" />
        <source>{file} was written by a newer liveplanner: schema version {version}; this version reads up to {supported}</source>
        <translation>{file} 由更新版本的 liveplanner 写出：格式版本 {version}；本版本最多读取到 {supported}</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="346" />
        <source>{file}, {path}: got {value}, expected {expected}</source>
        <translation>{file}，{path}：值为 {value}，应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="349" />
        <source>{file}, {path}: this field is missing</source>
        <translation>{file}，{path}：缺少此字段</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="352" />
        <source>{file}, {path}: not a field of a show file (schema version {version})</source>
        <translation>{file}，{path}：不是场次文件的字段（格式版本 {version}）</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="355" />
        <source>{file}, {path}: repeats {first}; each must be given once</source>
        <translation>{file}，{path}：与 {first} 重复；每项只能出现一次</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="358" />
        <source>{file}, {path}: refers to {kind} {id}, but the file has no {kind} with that id</source>
        <translation>{file}，{path}：引用了 {kind} {id}，但文件中没有这个 {kind}</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="362" />
        <source>{file}, row {row}: a cell holds more than {limit} characters; a run sheet's cell holds at most {limit}</source>
        <translation>{file}，第 {row} 行：有单元格超过 {limit} 个字符；脚本的单元格最多 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="367" />
        <source>{file}, row {row}: the segment's notes, with the cells kept in them, come to {length} characters; a show's text holds at most {limit}</source>
        <translation>{file}，第 {row} 行：该环节的备注连同并入其中的单元格共 {length} 个字符；一场直播的文字最多 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="372" />
        <source>{file}: the sheet has {rows} filled rows; a run sheet holds at most {limit} (its segments with their talking points)</source>
        <translation>{file}：表格有 {rows} 行内容；一份脚本最多 {limit} 行（各环节及其话术）</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="377" />
        <source>{file}, row {row}: a cell is filled in column {column}; a run sheet has at most {limit} columns</source>
        <translation>{file}，第 {row} 行：第 {column} 列有内容；脚本最多 {limit} 列</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="382" />
        <source>{file}: {count} rows are segments (the last in row {row}); a show holds at most {limit} segments</source>
        <translation>{file}：有 {count} 行是环节（最后一个在第 {row} 行）；一场直播最多 {limit} 个环节</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="387" />
        <source>{file}, rows {row} and {next_row}, column “{column}”: from {value} to {next_value} is {length}; a segment lasts at most {limit}</source>
        <translation>{file}，第 {row} 行和第 {next_row} 行，“{column}”列：从 {value} 到 {next_value} 共 {length}；一个环节最长 {limit}</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="392" />
        <source>{file}, row {row}: the sheet's date {date} is not a day a show can have; expected a date in the years {first} to {last}</source>
        <translation>{file}，第 {row} 行：表格的日期 {date} 不可能是直播的日期；应为 {first} 至 {last} 年之间的日期</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="397" />
        <source>{file}: the show would start {start}, which no show can; expected a start in the years {first} to {last}</source>
        <translation>{file}：直播将在 {start} 开始，这不可能；开始时间应在 {first} 至 {last} 年之间</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="402" />
        <source>Row {row}, column “{column}”: the title is longer than {limit} characters; the rest is in the segment's notes</source>
        <translation>第 {row} 行，“{column}”列：标题超过 {limit} 个字；超出部分放入环节备注</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="410" />
        <source>{file} is {size_mb} MB; run sheets and show files up to {limit_mb} MB can be imported</source>
        <translation>{file} 有 {size_mb} MB；可导入的脚本和场次文件最多 {limit_mb} MB</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="417" />
        <source>an object {…}</source>
        <translation>对象 {…}</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="418" />
        <source>a list […]</source>
        <translation>列表 […]</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="419" />
        <source>its compressed data is damaged</source>
        <translation>压缩数据已损坏</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="423" />
        <source>the file is incomplete or damaged</source>
        <translation>文件不完整或已损坏</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="426" />
        <source>… ({count} characters)</source>
        <translation>…（共 {count} 个字符）</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="427" />
        <source>”, “</source>
        <translation>”、“</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="429" />
        <source>highest</source>
        <translation>最高</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="430" />
        <source>last</source>
        <translation>最后一次</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="435" />
        <source>a length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="436" />
        <source>a clock time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="437" />
        <source>a price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="438" />
        <location filename="../../app/messages/products.py" line="87" />
        <source>a count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="439" />
        <source>expected minutes (5), m:ss (5:30), h:mm:ss (1:02:00) or 5分30秒</source>
        <translation>应为分钟数 (5)、分:秒 (5:30)、时:分:秒 (1:02:00) 或 5分30秒</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="442" />
        <source>expected a clock time such as 20:05 or 20:00-20:05</source>
        <translation>应为时间，如 20:05 或 20:00-20:05</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="445" />
        <source>expected an amount in yuan such as 59 or ¥59.90</source>
        <translation>应为金额（元），如 59 或 ¥59.90</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="448" />
        <source>expected a whole number such as 300</source>
        <translation>应为整数，如 300</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="450" />
        <source>a number of minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="451" />
        <source>expected whole minutes such as 20</source>
        <translation>请填写整数分钟，例如 20</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="454" />
        <source>a content mix</source>
        <translation>内容占比</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="455" />
        <source>expected three percentages adding up to 100, such as 40 / 35 / 25</source>
        <translation>请填写合计 100 的三个百分比，例如 40 / 35 / 25</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="463" />
        <source>the file</source>
        <translation>整个文件</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="466" />
        <source>lists or objects nested hundreds deep</source>
        <translation>嵌套数百层的列表或对象</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="470" />
        <source>a list {depth} levels deep</source>
        <translation>嵌套 {depth} 层的列表</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="474" />
        <source>an object {depth} levels deep</source>
        <translation>嵌套 {depth} 层的对象</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="478" />
        <source>lists and objects nested at most {limit} deep</source>
        <translation>最多嵌套 {limit} 层的列表和对象</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="482" />
        <source>a time in the years {first} to {last}</source>
        <translation>{first} 至 {last} 年之间的时间</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="486" />
        <source>a content mix given whole, its three shares adding up to 10000</source>
        <translation>完整的内容占比，三项合计 10000</translation>
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="492" />
        <source>whole minutes in seconds (a multiple of 60) of at least {least}</source>
        <translation>以秒计的整分钟数（60 的倍数），至少 {least}</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="6" />
        <source>“{text}” is not an amount in yuan; expected a number such as 19.9</source>
        <translation>“{text}”不是以元计的金额；应为数字，如 19.9</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="9" />
        <source>“{text}” has more than two decimals; expected such as 19.99</source>
        <translation>“{text}”超过两位小数；应如 19.99</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="12" />
        <source>“{text}” is not a whole number; expected a count such as 500</source>
        <translation>“{text}”不是整数；应为数量，如 500</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="15" />
        <source>“{text}” is not a percentage; expected a number such as 60</source>
        <translation>“{text}”不是百分比；应为数字，如 60</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="18" />
        <source>“{text}”: a percentage is between 0 and 100</source>
        <translation>“{text}”：百分比应在 0 到 100 之间</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="22" />
        <source>“{text}” is not a number of minutes; expected whole minutes such as 20</source>
        <translation>“{text}”不是分钟数；请填写整数分钟，例如 20</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="25" />
        <source>{minutes} minutes: expected {least} to {most}</source>
        <translation>{minutes} 分钟：应在 {least} 到 {most} 之间</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="28" />
        <source>“{text}” is not a mix; expected three percentages such as 40 / 35 / 25 (products, promotions, interaction)</source>
        <translation>“{text}”不是内容占比；请填写三个百分比，例如 40 / 35 / 25（商品讲解、促销福利、互动）</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="33" />
        <source>A content mix of {shares} adds up to {total}, not 100%</source>
        <translation>内容占比 {shares} 合计 {total}，不是 100%</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="36" />
        <source>A content mix is set whole: products, promotions and interaction</source>
        <translation>内容占比须整体设置：商品讲解、促销福利和互动</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="39" />
        <source>“{text}” is not a length; expected minutes (5), m:ss (5:30) or h:mm:ss (1:02:00)</source>
        <translation>“{text}”不是时长；应为分钟数 (5)、分:秒 (5:30) 或 时:分:秒 (1:02:00)</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="43" />
        <source>In “{text}” minutes and seconds must be under 60; expected minutes (5), m:ss (5:30) or h:mm:ss (1:02:00)</source>
        <translation>“{text}”中的分和秒应小于 60；应为分钟数 (5)、分:秒 (5:30) 或 时:分:秒 (1:02:00)</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="48" />
        <source>“{text}” is longer than a day: no segment runs that long</source>
        <translation>“{text}”超过一天：没有环节会这么长</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="51" />
        <source>“{text}” is not a time in the segment; expected m:ss such as 0:30</source>
        <translation>“{text}”不是环节内的时间；应为分:秒，如 0:30</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="54" />
        <source>“{text}” is more than a day into the segment; no segment runs a day</source>
        <translation>“{text}”距环节开始超过一天；没有环节会长达一天</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="57" />
        <source>{time} is not a time a show can have; expected a time in the years {first} to {last}</source>
        <translation>{time} 不是直播可能有的时间；应为 {first} 至 {last} 年之间的时间</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="61" />
        <source>A segment of {seconds} seconds: a segment lasts 0 to {most} seconds (a day)</source>
        <translation>{seconds} 秒的环节：环节时长应为 0 到 {most} 秒（一天）</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="65" />
        <source>A show holds at most {most} segments; this one would have {count}</source>
        <translation>一场直播最多 {most} 个环节；这一场将有 {count} 个</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="68" />
        <source>“{zone}” is not a time zone; expected a name like Asia/Shanghai</source>
        <translation>“{zone}”不是时区；应为 Asia/Shanghai 这样的名称</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="71" />
        <source>“{text}” is not a time; expected YYYY-MM-DD HH:MM or HH:MM</source>
        <translation>“{text}”不是时间；应为 年-月-日 时:分（如 2026-11-11 20:00）或 时:分（如 20:00）</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="74" />
        <source>A show needs a start; expected YYYY-MM-DD HH:MM</source>
        <translation>直播需要开始时间；应为 年-月-日 时:分（如 2026-11-11 20:00）</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="77" />
        <source>The attribution lag must be 0 to {most} minutes, not {lag}</source>
        <translation>成交计入的延迟应为 0 到 {most} 分钟，而不是 {lag}</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="80" />
        <source>“{metric}” is not a metric liveplanner knows; expected one of: {known}</source>
        <translation>“{metric}”不是 liveplanner 认识的指标；应为以下之一：{known}</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="84" />
        <source>“{text}” is not a ratio; expected a number such as 3.5 (GMV per yuan spent)</source>
        <translation>“{text}”不是比值；应为如 3.5 的数字（每花 1 元带来的成交额）</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="87" />
        <source>“{text}”: a ratio is at most {most}</source>
        <translation>“{text}”：比值最多为 {most}</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="88" />
        <source>“{text}” is not a watch time; expected seconds (90 s) or m:ss (1:30)</source>
        <translation>“{text}”不是观看时长；应为秒数（90 秒）或 分:秒（1:30）</translation>
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="91" />
        <source>“{text}” is longer than a day; no one watches that long</source>
        <translation>“{text}”超过一天；没有人会看这么久</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="7" />
        <source>the {entity} was changed by someone else (version {current}, you edited version {expected}); reload it and make your change again</source>
        <translation>已被他人修改（版本 {current}，你修改的是版本 {expected}）；请重新载入后再修改</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="12" />
        <source>the script of “{title}” is locked (the show is {status}): unlock it on purpose to change it</source>
        <translation>“{title}”的脚本已锁定：要修改请先特意解锁</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="17" />
        <source>{field} is {length} characters long; at most {most} fit</source>
        <translation>这段文字长 {length} 个字符，最多只能 {most} 个</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="20" />
        <source>{field} {value} is too large</source>
        <translation>{value} 太大，无法保存</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="21" />
        <source>{field} cannot be negative (got {value})</source>
        <translation>不能为负数（填的是 {value}）</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="22" />
        <source>a segment's duration cannot be negative</source>
        <translation>环节时长不能为负数</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="25" />
        <source>{person} is already on the team as {role}</source>
        <translation>{person} 已在团队中担任这个角色</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="28" />
        <source>a person needs a name</source>
        <translation>人员需要填写姓名</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="29" />
        <source>a show's title needs 1 to {most} characters</source>
        <translation>直播标题需要 1 到 {most} 个字符</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="32" />
        <source>a note needs some text</source>
        <translation>请填写备注内容</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="33" />
        <source>an owner's name has at most {most} characters</source>
        <translation>负责人姓名最多 {most} 个字符</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="36" />
        <source>a note's minute must carry its time zone</source>
        <translation>备注的时间必须带时区</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="39" />
        <source>a note has no field “{field}”</source>
        <translation>备注没有“{field}”这一项</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="40" />
        <source>segment {segment_id} is not in show {show_id}</source>
        <translation>环节 {segment_id} 不在这场直播中</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="43" />
        <source>there is no show {id}</source>
        <translation>没有编号为 {id} 的直播（可能已被删除）</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="44" />
        <source>there is no segment {id}</source>
        <translation>没有编号为 {id} 的环节（可能已被删除）</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="45" />
        <source>there is no {entity} {id}</source>
        <translation>没有编号为 {id} 的这一项（可能已被删除）</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="46" />
        <source>there is no note {id}</source>
        <translation>没有编号为 {id} 的备注（可能已被删除）</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="47" />
        <source>there is no run {id}</source>
        <translation>没有编号为 {id} 的计时记录</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="48" />
        <source>run {id} has ended; it takes no more events</source>
        <translation>计时记录 {id} 已结束，不再记录新的操作</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="51" />
        <source>the show's segments changed meanwhile (added or removed elsewhere); reload</source>
        <translation>其间本场的环节有变动（在别处增加或删除了）；请重新载入</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="55" />
        <source>those segments no longer exist</source>
        <translation>这些环节已不存在</translation>
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="56" />
        <source>someone else imported metrics for show {show_id} at the same time; nothing was stored: run it again</source>
        <translation>有人同时为这场直播导入了数据；未保存任何数据：请再导入一次</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="8" />
        <source>someone else changed this just now; reload</source>
        <translation>别人刚刚改动了这里；请重新载入</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="9" />
        <source>the database refused the change: {detail}</source>
        <translation>数据库拒绝了这次修改：{detail}</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="12" />
        <source>lost the connection to the database server ({where}); nothing was written: run it again once the server is back</source>
        <translation>与数据库服务器（{where}）的连接已断开；未写入任何内容：服务器恢复后请再做一次</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="17" />
        <source>this window opened the database read-only, because another liveplanner has it open; nothing was written</source>
        <translation>另一个 liveplanner 已打开数据库，本窗口以只读方式打开了它；未写入任何内容</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="22" />
        <source>the folder {folder} is read-only, so liveplanner opened {path} read-only; nothing was written</source>
        <translation>文件夹 {folder} 是只读的，因此 liveplanner 以只读方式打开了 {path}；未写入任何内容</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="27" />
        <source>the file {path} is read-only, so liveplanner opened {path} read-only; nothing was written</source>
        <translation>文件 {path} 是只读的，因此 liveplanner 以只读方式打开了它；未写入任何内容</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="31" />
        <source>the database was being changed by another liveplanner; nothing was written: reload and try again</source>
        <translation>另一个 liveplanner 正在修改数据库；未写入任何内容：请重新载入后再试</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="36" />
        <source>the database {where} failed: {detail}</source>
        <translation>数据库 {where} 出错：{detail}</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="38" />
        <source>not a database URL: {text}; expected sqlite:///PATH or postgresql://USER@HOST/DATABASE</source>
        <translation>不是数据库地址：{text}；应为 sqlite:///路径 或 postgresql://用户@主机/数据库</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="42" />
        <source>unsupported database {name}: use SQLite or PostgreSQL</source>
        <translation>不支持的数据库 {name}：请使用 SQLite 或 PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="45" />
        <source>unsupported driver {name}: use sqlite:///PATH or postgresql://...</source>
        <translation>不支持的驱动 {name}：请使用 sqlite:///路径 或 postgresql://...</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="48" />
        <source>an in-memory SQLite database keeps nothing: give a file path</source>
        <translation>内存中的 SQLite 数据库什么也保存不下：请给出文件路径</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="51" />
        <source>{where} names no database; give one: postgresql://USER@HOST/DATABASE</source>
        <translation>{where} 没有指明数据库；请给出一个：postgresql://用户@主机/数据库</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="54" />
        <source>PostgreSQL support is not installed: pip install 'liveplanner[postgres]'</source>
        <translation>未安装 PostgreSQL 支持：pip install 'liveplanner[postgres]'</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="58" />
        <source>SQLite refused write-ahead logging (journal mode is {mode})</source>
        <translation>SQLite 拒绝启用预写日志（日志模式为 {mode}）</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="61" />
        <source>{path} is damaged ({detail}); liveplanner left it untouched: restore a backup</source>
        <translation>{path} 已损坏（{detail}）；liveplanner 未做任何改动：请恢复备份</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="64" />
        <source>{path} is not a liveplanner database ({detail})</source>
        <translation>{path} 不是 liveplanner 数据库（{detail}）</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="67" />
        <source>{path} belongs to another program; liveplanner left it untouched</source>
        <translation>{path} 属于其他程序；liveplanner 未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="70" />
        <source>{where} was written by a newer liveplanner (schema {revision}); update liveplanner to open it. The database was left untouched.</source>
        <translation>{where} 由更新版本的 liveplanner 写入（结构 {revision}）；请升级 liveplanner 后再打开。数据库未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="75" />
        <source>could not open the database {where}: {detail}</source>
        <translation>无法打开数据库 {where}：{detail}</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="78" />
        <source>lost the connection to the database server ({where}) while opening the database; nothing was written: run it again once the server is back</source>
        <translation>打开数据库时与数据库服务器（{where}）的连接断开；未写入任何内容：服务器恢复后请再做一次</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="83" />
        <source>only a SQLite file is opened read-only</source>
        <translation>只有 SQLite 文件可以只读方式打开</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="86" />
        <source>{path} is a folder; give a database file, such as sqlite:///{example}</source>
        <translation>{path} 是文件夹；请给出数据库文件，例如 sqlite:///{example}</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="89" />
        <source>{path} needs upgrading to this liveplanner's schema, and {reason}: make it writable first</source>
        <translation>{path} 需要升级到本版 liveplanner 的结构，但{reason}：请先让它可写</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="93" />
        <source>{path} needs upgrading to this liveplanner's schema, and the liveplanner that has it open cannot allow that: close that one first</source>
        <translation>{path} 需要升级到本版 liveplanner 的结构，但打开它的那个 liveplanner 不允许：请先关闭那一个</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="98" />
        <source>cannot create {path}: {reason}</source>
        <translation>无法创建 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="99" />
        <source>the database {where} holds {count} table of another program ({shown}); liveplanner keeps its tables in a database of its own: create one (CREATE DATABASE liveplanner) and give its URL. Nothing was created</source>
        <translation>数据库 {where} 中有其他程序的 {count} 张表（{shown}）；liveplanner 的表要放在单独的数据库中：请新建一个（CREATE DATABASE liveplanner）并给出它的地址。未创建任何表</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="105" />
        <source>the database {where} holds {count} tables of another program ({shown}); liveplanner keeps its tables in a database of its own: create one (CREATE DATABASE liveplanner) and give its URL. Nothing was created</source>
        <translation>数据库 {where} 中有其他程序的 {count} 张表（{shown}）；liveplanner 的表要放在单独的数据库中：请新建一个（CREATE DATABASE liveplanner）并给出它的地址。未创建任何表</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="112" />
        <source>only a SQLite database is restored here; PostgreSQL by its server</source>
        <translation>这里只恢复 SQLite 数据库；PostgreSQL 由其服务器恢复</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="115" />
        <source>could not back up {source}: there is no such file</source>
        <translation>无法备份 {source}：没有这个文件</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="118" />
        <source>could not back up {source} to {folder}: {detail}</source>
        <translation>无法把 {source} 备份到 {folder}：{detail}</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="121" />
        <source>could not copy {source} to {target}: {detail}</source>
        <translation>无法把 {source} 复制到 {target}：{detail}</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="124" />
        <source>the copy of {source} failed its integrity check: {detail}</source>
        <translation>{source} 的副本未通过完整性检查：{detail}</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="127" />
        <source>could not copy {source} to {target}: {detail}; nothing was changed</source>
        <translation>无法把 {source} 复制到 {target}：{detail}；未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="130" />
        <source>cannot read {path}: {detail}; nothing was changed</source>
        <translation>无法读取 {path}：{detail}；未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="133" />
        <source>{path} is empty (0 bytes), not a liveplanner backup; nothing was changed</source>
        <translation>{path} 是空文件（0 字节），不是 liveplanner 备份；未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="136" />
        <source>{path} is not a SQLite database, so not a liveplanner backup; nothing was changed</source>
        <translation>{path} 不是 SQLite 数据库，因此不是 liveplanner 备份；未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="140" />
        <source>{path} is an empty SQLite database, not a liveplanner backup; nothing was changed</source>
        <translation>{path} 是空的 SQLite 数据库，不是 liveplanner 备份；未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="144" />
        <source>{path} is a SQLite database of another program, not a liveplanner backup; nothing was changed</source>
        <translation>{path} 是其他程序的 SQLite 数据库，不是 liveplanner 备份；未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="149" />
        <source>{path} says it is a liveplanner backup of schema {revision}, but it has no table {table}; nothing was changed</source>
        <translation>{path} 自称是结构 {revision} 的 liveplanner 备份，但没有表 {table}；未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="154" />
        <source>{path} says it is a liveplanner backup of schema {revision}, but its table {table} has no column {column}; nothing was changed</source>
        <translation>{path} 自称是结构 {revision} 的 liveplanner 备份，但其表 {table} 没有列 {column}；未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="159" />
        <source>could not restore {chosen} to {target}: {detail}</source>
        <translation>无法把 {chosen} 恢复到 {target}：{detail}</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="7" />
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="8" />
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="9" />
        <source>unknown time zone {zone!r}; expected a name like Asia/Shanghai</source>
        <translation>未知时区 {zone!r}；应为 Asia/Shanghai 这样的名称</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="12" />
        <source>the lag must be 0 to {max} minutes, not {lag}</source>
        <translation>成交计入的延迟应为 0 到 {max} 分钟，而不是 {lag}</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="15" />
        <source>not a database URL: {text}</source>
        <translation>不是数据库地址：{text}</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="16" />
        <source>a password is kept for a user: the URL needs a user name</source>
        <translation>密码按用户保存：地址中需要用户名</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="19" />
        <source>the system keyring is not available{detail}, so the password cannot be kept there: give it in LIVEPLANNER_DATABASE_URL (postgresql://USER:PASSWORD@HOST/DATABASE) or in ~/.pgpass, or install a keyring (a Secret Service such as GNOME Keyring or KWallet on Linux)</source>
        <translation>系统钥匙串不可用{detail}，无法在其中保存密码：请在 LIVEPLANNER_DATABASE_URL（postgresql://用户:密码@主机/数据库）或 ~/.pgpass 中给出密码，或安装钥匙串（Linux 上如 GNOME Keyring 或 KWallet 这类 Secret Service）</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="26" />
        <source>{path}: there is no such backup file</source>
        <translation>{path}：没有这个备份文件</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="27" />
        <source>another liveplanner has {path} open: close it first, then restore; nothing was changed</source>
        <translation>另一个 liveplanner 正打开着 {path}：请先关闭它再恢复；未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="31" />
        <source>another liveplanner (process {pid} on {host}) has {path} open: close it first, then restore; nothing was changed</source>
        <translation>另一个 liveplanner（{host} 上的进程 {pid}）正打开着 {path}：请先关闭它再恢复；未做任何改动</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="36" />
        <source>{file} has no column {header!r}; its columns: {columns}</source>
        <translation>{file} 没有 {header!r} 这一列；它的列有：{columns}</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="39" />
        <source>{file}: {header!r} is the column of times; it cannot be read as a metric</source>
        <translation>{file}：{header!r} 是时间列，不能读作指标</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="42" />
        <source>{metric!r} is not a metric liveplanner knows; expected one of: {known} (a running total as NAME:cumulative)</source>
        <translation>{metric!r} 不是 liveplanner 认识的指标；应为以下之一：{known}（累计值写作 名称:cumulative）</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="47" />
        <source>that segment was deleted meanwhile</source>
        <translation>这个环节其间已被删除</translation>
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="48" />
        <source>that row was deleted meanwhile</source>
        <translation>这一行其间已被删除</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="12" />
        <source>{file}: no header row in its first {rows} rows; expected a row naming the products' column (商品, Product name …)</source>
        <translation>{file}：前 {rows} 行中没有表头行；应有一行写明商品列（商品名称、商品 等）</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="17" />
        <source>{file}: no column of product names or link numbers among {columns}; choose which column names the products</source>
        <translation>{file}：{columns} 中没有商品名称或链接号列；请选择哪一列是商品</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="22" />
        <source>{file}: none of the columns is a product figure liveplanner knows ({columns}); expected exposures, clicks, add to cart, items sold, GMV or refunds</source>
        <translation>{file}：没有一列是 liveplanner 认识的商品数据（{columns}）；应为曝光、点击、加购、成交件数、成交金额或退款金额</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="27" />
        <source>{file} has no column “{header}”; its columns: {columns}</source>
        <translation>{file} 没有“{header}”这一列；它的列有：{columns}</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="30" />
        <source>{file}: columns “{first}” and “{second}” are both {field}</source>
        <translation>{file}：“{first}”和“{second}”两列都是{field}</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="33" />
        <source>{file}, row {row}, column “{column}”: “{value}” is not {what}; </source>
        <translation>{file}，第 {row} 行，“{column}”列：“{value}”不是{what}；</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="37" />
        <source>{file}, row {row}, column “{column}”: “{value}” is below zero; {field} is a count or an amount, expected 0 or more</source>
        <translation>{file}，第 {row} 行，“{column}”列：“{value}”小于零；{field}是数量或金额，应为 0 或以上</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="42" />
        <source>{file}, row {row}, column “{column}”: “{value}” is more than one product of a show can sell or count; expected at most {limit}</source>
        <translation>{file}，第 {row} 行，“{column}”列：“{value}”超出一场直播中单个商品可能的销量或计数；应不超过 {limit}</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="47" />
        <source>{file}, row {row}: figures without a product; expected its name or link number in column “{column}”</source>
        <translation>{file}，第 {row} 行：有数据但没有商品；“{column}”列应写明商品名称或链接号</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="52" />
        <source>{file}, row {row}, column “{column}”: {length} characters; a product's name or link holds at most {limit}</source>
        <translation>{file}，第 {row} 行，“{column}”列：共 {length} 个字符；商品名称或链接最多 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="57" />
        <source>{file}: more than {limit} product rows; a show's product export has a few hundred</source>
        <translation>{file}：商品行超过 {limit} 行；一场直播的商品明细通常只有几百行</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="64" />
        <source>“{field}” is not a product figure liveplanner knows; expected one of: {known}</source>
        <translation>“{field}”不是 liveplanner 认识的商品数据；应为以下之一：{known}</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="74" />
        <source>product name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="75" />
        <source>link number</source>
        <translation>链接号</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="76" />
        <source>exposures</source>
        <translation>曝光</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="77" />
        <source>clicks</source>
        <translation>点击</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="78" />
        <source>add to cart</source>
        <translation>加购</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="79" />
        <source>items sold</source>
        <translation>成交件数</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="80" />
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="81" />
        <source>refunds</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="85" />
        <source>expected such as 1234, 1,234.5, 1.2万 or ¥99</source>
        <translation>应为 1234、1,234.5、1.2万 或 ¥99 这样的数</translation>
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="88" />
        <source>an amount in yuan</source>
        <translation>以元计的金额</translation>
    </message>
    <message>
        <location filename="../../app/messages/campaigns.py" line="7" />
        <source>a campaign's title needs 1 to {max} characters</source>
        <translation>活动名称需要 1 到 {max} 个字符</translation>
    </message>
    <message>
        <location filename="../../app/messages/campaigns.py" line="10" />
        <source>{day} is not a day a campaign can have; expected a day in the years {first} to {last}</source>
        <translation>{day} 不是活动可能有的日期；应为 {first} 至 {last} 年之间的日期</translation>
    </message>
    <message>
        <location filename="../../app/messages/campaigns.py" line="14" />
        <source>the campaign ends ({end}) before it starts ({start})</source>
        <translation>活动的结束日期（{end}）早于开始日期（{start}）</translation>
    </message>
    <message>
        <location filename="../../app/messages/campaigns.py" line="17" />
        <source>a campaign's target cannot be under 0 ({name})</source>
        <translation>活动目标不能小于 0（{name}）</translation>
    </message>
    <message>
        <location filename="../../app/messages/campaigns.py" line="20" />
        <source>show {show} ({show_title}) is not in campaign {id} ({title}); nothing was changed</source>
        <translation>场次 {show}（{show_title}）不在活动 {id}（{title}）中；未做任何更改</translation>
    </message>
    <message>
        <location filename="../../app/messages/campaigns.py" line="24" />
        <source>there is no campaign {id}</source>
        <translation>没有活动 {id}</translation>
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="11" />
        <source>only {shows} earlier shows that sold, by their GMV figures; {needed} needed: no projection rather than a guess</source>
        <translation>此前有成交的直播只有 {shows} 场，至少需要 {needed} 场：不做预测，以免瞎猜</translation>
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="16" />
        <source>the show has no segments yet: nothing to project</source>
        <translation>本场还没有环节：无从预测</translation>
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="19" />
        <source>past viewers fell away by {drop} over the {span} minutes from minute {minute}: move {title} ({kind}) there, to position {to}</source>
        <translation>以往直播从第 {minute} 分钟起 {span} 分钟内观众流失 {drop}：把「{title}」（{kind}）移到那里，第 {to} 位</translation>
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="24" />
        <source>{product} earned ¥{per_min}/min in past product intros, {other} ¥{other_per_min}/min: put {product} in the prime slot (the room was fullest at minute {minute}), position {to}</source>
        <translation>以往讲解中「{product}」每分钟成交 ¥{per_min}，「{other}」每分钟 ¥{other_per_min}：把「{product}」放到黄金时段（第 {minute} 分钟在线人数最多），第 {to} 位</translation>
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="30" />
        <source>{title} ran {ratio} of its plan (rehearsal takes: {takes}; past live segments: {runs}): plan {proposed} instead of {planned}</source>
        <translation>「{title}」实际用时为计划的 {ratio}（{takes} 次演练、以往 {runs} 个直播环节）：计划改为 {proposed}，原为 {planned}</translation>
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="35" />
        <source>{title} ran only {ratio} of its plan (rehearsal takes: {takes}; past live segments: {runs}): plan {proposed} instead of {planned}</source>
        <translation>「{title}」实际用时仅为计划的 {ratio}（{takes} 次演练、以往 {runs} 个直播环节）：计划改为 {proposed}，原为 {planned}</translation>
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="40" />
        <source>{product} sold out in {sold_out} of {shows} past shows (at most {most_sold} sold): stock {proposed} instead of {stock}</source>
        <translation>「{product}」在以往 {shows} 场中有 {sold_out} 场售罄（最多卖出 {most_sold} 件）：库存改为 {proposed}，原为 {stock}</translation>
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="45" />
        <source>{product} sold at most {most_sold} in {shows} past shows, under a fifth of its stock: stock {proposed} instead of {stock}</source>
        <translation>「{product}」以往 {shows} 场最多卖出 {most_sold} 件，不到库存的五分之一：库存改为 {proposed}，原为 {stock}</translation>
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="50" />
        <source>no benefit for {gap} minutes from minute {from_minute} (the rhythm: one every {every} minutes): add a {kind} at position {at} (it earned ¥{per_min}/min before)</source>
        <translation>从第 {from_minute} 分钟起 {gap} 分钟没有福利（节奏：每 {every} 分钟一档）：在第 {at} 位加一个{kind}（以往每分钟成交 ¥{per_min}）</translation>
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="7" />
        <source>a template's name needs 1 to {max} characters, none of them a control character</source>
        <translation>模板名称需 1 到 {max} 个字符，且不含控制字符</translation>
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="11" />
        <source>“{name}” names a built-in template; pick another name</source>
        <translation>“{name}”是内置模板的名称，请换一个名称</translation>
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="14" />
        <source>a team template called “{name}” exists already; replace it or pick another name</source>
        <translation>已有名为“{name}”的团队模板：可选择替换，或换一个名称</translation>
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="18" />
        <source>there is no team template “{name}”</source>
        <translation>没有名为“{name}”的团队模板</translation>
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="19" />
        <source>there is no library product {id}</source>
        <translation>商品库里没有商品 {id}</translation>
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="20" />
        <source>a product's name needs 1 to {max} characters, none of them a control character</source>
        <translation>商品名称需 1 到 {max} 个字符，且不含控制字符</translation>
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="23" />
        <source>a link number or SKU holds no control characters</source>
        <translation>链接编号或货号不能含控制字符</translation>
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="26" />
        <source>library product {id} has the link number or SKU “{sku}” already</source>
        <translation>商品库中编号 {id} 的商品已使用链接编号或货号“{sku}”</translation>
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="29" />
        <source>{yuan} yuan: a price or a cost is at most {most} yuan</source>
        <translation>{yuan} 元：价格或成本最多 {most} 元</translation>
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="32" />
        <source>the library has a product called “{name}” already (id {id})</source>
        <translation>商品库里已有名为“{name}”的商品（编号 {id}）</translation>
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="35" />
        <source>“{title}” has “{name}” already; nothing was added</source>
        <translation>“{title}”里已有“{name}”，未添加</translation>
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="38" />
        <source>show {show} has no product {id}</source>
        <translation>直播 {show} 没有商品 {id}</translation>
    </message>
    <message>
        <location filename="../../app/messages/desk.py" line="7" />
        <source>this screen does not tick “{item}”</source>
        <translation>这个屏幕不能勾选“{item}”</translation>
    </message>
    <message>
        <location filename="../../app/messages/desk.py" line="8" />
        <source>only floor control and ops set the counters</source>
        <translation>只有场控和运营能改计数</translation>
    </message>
    <message>
        <location filename="../../app/messages/desk.py" line="11" />
        <source>the show has no “{item}”</source>
        <translation>本场没有“{item}”</translation>
    </message>
    <message>
        <location filename="../../app/messages/desk.py" line="12" />
        <source>units must be a whole number from 0 to {most}, not “{value}”</source>
        <translation>件数须是 0 到 {most} 的整数，而不是“{value}”</translation>
    </message>
    <message>
        <location filename="../../app/messages/desk.py" line="15" />
        <source>no run is open: start the run first</source>
        <translation>没有进行中的计时：请先开始计时</translation>
    </message>
    <message>
        <location filename="../../app/messages/desk.py" line="16" />
        <source>nothing to send: type online viewers now or GMV so far (yuan) first</source>
        <translation>没有可提交的数据：请先填写当前在线人数或累计成交额（元）</translation>
    </message>
    <message>
        <location filename="../../app/messages/sharing.py" line="7" />
        <source>cannot serve the screens on {address} port {port}: {reason}</source>
        <translation>无法在 {address} 的 {port} 端口上共享屏幕：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/messages/sharing.py" line="10" />
        <source>“{address}” is not an IP address of this computer (such as 192.168.1.20)</source>
        <translation>“{address}”不是本机的网络地址（例如 192.168.1.20）</translation>
    </message>
    <message>
        <location filename="../../app/messages/sharing.py" line="13" />
        <source>this screen only shows the desk</source>
        <translation>这个屏幕只能查看</translation>
    </message>
    <message>
        <location filename="../../app/messages/sharing.py" line="14" />
        <source>a page's call is at most {most} bytes, with its length said first</source>
        <translation>页面发来的请求最多 {most} 字节，且须先说明长度</translation>
    </message>
    <message>
        <location filename="../../app/messages/sharing.py" line="17" />
        <source>the page sent what the desk does not take: {what}</source>
        <translation>页面发来了中控台不接受的内容：{what}</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="8" />
        <source>line {line}: not a JSON object ({reason}); expected one object a line, with “{key}” and metric names as keys</source>
        <translation>第 {line} 行：不是 JSON 对象（{reason}）；应每行一个对象，以“{key}”和指标名为键</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="13" />
        <source>line {line}: no “{key}”; expected a time such as {example}</source>
        <translation>第 {line} 行：没有“{key}”；应为时间，如 {example}</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="16" />
        <source>line {line}, {column}: “{value}” is not a time; expected such as {example}</source>
        <translation>第 {line} 行，{column}：“{value}”不是时间；应如 {example}</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="19" />
        <source>line {line}, {column}: “{value}” is not during this run; expected a minute from {first} to {last}</source>
        <translation>第 {line} 行，{column}：“{value}”不在本次计时之内；应为 {first} 到 {last} 之间的分钟</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="24" />
        <source>line {line}: “{key}” is no metric liveplanner knows; expected “{minute}” and any of: {known}</source>
        <translation>第 {line} 行：“{key}”不是 liveplanner 认识的指标；应为“{minute}”及以下任意指标：{known}</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="29" />
        <source>line {line}, {column}: “{value}” is not a number; expected a count, or yuan for money</source>
        <translation>第 {line} 行，{column}：“{value}”不是数字；应为数量，金额以元计</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="33" />
        <source>line {line}, {column}: “{value}” is past {limit}, more than any show’s minute</source>
        <translation>第 {line} 行，{column}：“{value}”超过 {limit}，多于任何一场直播一分钟的数据</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="36" />
        <source>line {line}, {column}: “{value}” is below zero; {metric} is never negative</source>
        <translation>第 {line} 行，{column}：“{value}”小于零；{metric} 不会是负数</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="39" />
        <source>line {line}: no figure; expected at least one metric besides the time</source>
        <translation>第 {line} 行：没有数据；除时间外应至少有一项指标</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="42" />
        <source>line {line}, {column}: {value} so far is less than the {counted} already counted before this minute</source>
        <translation>第 {line} 行，{column}：累计 {value} 少于这一分钟之前已计入的 {counted}</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="47" />
        <source>line {line}: not UTF-8 or GBK text (bytes {value}); expected a line of text</source>
        <translation>第 {line} 行：不是 UTF-8 或 GBK 文本（字节 {value}）；应为一行文字</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="50" />
        <source>line {line}: longer than {most} characters; expected one minute’s figures</source>
        <translation>第 {line} 行：超过 {most} 个字符；应为一分钟的数据</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="53" />
        <source>{lines} lines from line {line} on: more than {most} lines at once; send them again</source>
        <translation>从第 {line} 行起的 {lines} 行：一次超过 {most} 行；请重新发送</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="57" />
        <source>line {line}: what was sent is longer than {most} characters; the rest was cut</source>
        <translation>第 {line} 行：发送的内容超过 {most} 个字符；其余部分已截去</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="60" />
        <source>line {line}: not a row of cells ({reason}); expected cells between commas</source>
        <translation>第 {line} 行：不是一行单元格（{reason}）；应为以逗号分隔的单元格</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="63" />
        <source>line {line}: {count} cells; expected {expected}, as the header has</source>
        <translation>第 {line} 行：{count} 个单元格；应与表头一样为 {expected} 个</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="66" />
        <source>{file}, line {line}: no time column and no metric liveplanner knows ({columns}); expected a header such as {example}</source>
        <translation>{file}，第 {line} 行：没有时间列，也没有 liveplanner 认识的指标（{columns}）；表头应如 {example}</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="71" />
        <source>{file}, line {line}: columns “{first}” and “{second}” are both {metric}</source>
        <translation>{file}，第 {line} 行：“{first}”和“{second}”两列都是 {metric}</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="74" />
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="75" />
        <source>{file} is UTF-16, which a growing file cannot be read in line by line; expected UTF-8 or GBK</source>
        <translation>{file} 是 UTF-16 编码，不断追加的文件无法逐行读取；应为 UTF-8 或 GBK</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="80" />
        <source>{count} figures are not written to the database yet; they are kept and written with the next</source>
        <translation>{count} 项数据尚未写入数据库；已保留，将随下一批一起写入</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="85" />
        <source>{lines} lines not taken: no run is open; start the run first</source>
        <translation>{lines} 行未接收：没有进行中的计时；请先开始计时</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="88" />
        <source>“{metric}” cannot be typed in; expected online_viewers (now) or gmv (so far, in yuan)</source>
        <translation>不能录入“{metric}”；只能录入当前在线人数或累计成交金额（元）</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="93" />
        <source>Online now: “{value}” is not a number; type the count watching, such as 2,400</source>
        <translation>当前在线：“{value}”不是数字；请填写在线人数，例如 2,400 或 0.5万</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="96" />
        <source>Online now: “{value}” is below zero; type the count watching, 0 or more</source>
        <translation>当前在线：“{value}”小于零；请填写在线人数，0 或以上</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="99" />
        <source>Online now: “{value}” is past {limit}, more than any show has watching; check the figure</source>
        <translation>当前在线：“{value}”超过 {limit}，多于任何一场直播的在线人数；请核对数字</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="103" />
        <source>Online now: not taken, this computer’s clock says {value}, outside this run ({first} to {last}); check the clock</source>
        <translation>当前在线：未接收，本机时钟为 {value}，不在本场计时之内（{first} 至 {last}）；请检查时钟</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="108" />
        <source>GMV so far: “{value}” is not a number; type the yuan taken so far, such as 56,000</source>
        <translation>累计成交额：“{value}”不是数字；请填写累计成交额（元），例如 56,000 或 5.6万</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="112" />
        <source>GMV so far: “{value}” is below zero; type the yuan taken so far, 0 or more</source>
        <translation>累计成交额：“{value}”小于零；请填写累计成交额（元），0 或以上</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="115" />
        <source>GMV so far: “{value}” is past ¥{limit}, more than any show takes; check the figure</source>
        <translation>累计成交额：“{value}”超过 ¥{limit}，多于任何一场直播的成交额；请核对数字</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="119" />
        <source>GMV so far: ¥{value} is less than the ¥{counted} counted before this minute; type the show’s total so far, not this minute’s</source>
        <translation>累计成交额：¥{value} 少于这一分钟之前已计入的 ¥{counted}；请填写本场至今的累计，而非这一分钟的</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="124" />
        <source>GMV so far: not taken, this computer’s clock says {value}, outside this run ({first} to {last}); check the clock</source>
        <translation>累计成交额：未接收，本机时钟为 {value}，不在本场计时之内（{first} 至 {last}）；请检查时钟</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="129" />
        <source>{name} must be from {least} to {most}, not {value}</source>
        <translation>{name} 应在 {least} 到 {most} 之间，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="132" />
        <source>Online viewers down {drop} in {minutes} minutes ({peak} to {now}): move on to the benefit “{benefit}”</source>
        <translation>在线人数 {minutes} 分钟内下降 {drop}（{peak} 降到 {now}）：请进入福利环节“{benefit}”</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="137" />
        <source>Online viewers down {drop} in {minutes} minutes ({peak} to {now}); no benefit segment is left in the plan</source>
        <translation>在线人数 {minutes} 分钟内下降 {drop}（{peak} 降到 {now}）；脚本中已没有福利环节</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="142" />
        <source>Flash sale “{promo}” sold out ({released} units): move on</source>
        <translation>秒杀“{promo}”已售罄（{released} 件）：请进入下一环节</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="145" />
        <source>GMV ¥{gmv} is {behind} behind the pace to target (¥{pace} by now)</source>
        <translation>成交金额 ¥{gmv}，落后目标进度 {behind}（此时应达 ¥{pace}）</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="149" />
        <source>Alert: online viewers dropped, {now} watching</source>
        <translation>提醒：在线人数下降，当前 {now} 人</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="152" />
        <source>Alert: “{promo}” sold out</source>
        <translation>提醒：“{promo}”已售罄</translation>
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="153" />
        <source>Alert: GMV ¥{short} behind the pace to target</source>
        <translation>提醒：成交额落后目标进度 ¥{short}</translation>
    </message>
</context>
<context>
    <name>MetricsImportDialog</name>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="77" />
        <source>Import metrics — %1</source>
        <translation>导入分钟数据 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="89" />
        <source>Choose the platform's export</source>
        <translation>选择平台导出文件</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="90" />
        <source>Exports (%1);;All files (*)</source>
        <translation>导出文件 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="110" />
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="131" />
        <source>“%1” is not a time zone; expected such as Asia/Shanghai</source>
        <translation>“%1”不是时区，应如 Asia/Shanghai</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="164" />
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="177" />
        <source>None: every row was read as it is.</source>
        <translation>无：每一行都已按原样读取。</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="195" />
        <source>The file runs from %1 to %2, but the show is on %3 to %4: none of its minutes falls in the show. Is it another day's export? Choose what to do before importing:</source>
        <translation>文件时间为 %1 至 %2，而本场是 %3 至 %4：没有一分钟落在本场之内。是不是另一天的导出文件？导入前请先选择怎么处理：</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="205" />
        <source>Move it onto the show's date (%1)</source>
        <translation>移到本场的日期（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="258" />
        <source>by header names</source>
        <translation>按表头名称</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="260" />
        <source>header on row %1</source>
        <translation>表头在第 %1 行</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="262" />
        <source>JSON records</source>
        <translation>JSON 记录</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="266" />
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="268" />
        <source>%1 rows, %2 minutes with data (%3)</source>
        <translation>%1 行，%2 分钟有数据（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="277" />
        <source>peak %1</source>
        <translation>%1峰值</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="282" />
        <source>Encoding: %1</source>
        <translation>编码：%1</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="283" />
        <source>Layout: %1</source>
        <translation>格式：%1</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="293" />
        <source>(no header)</source>
        <translation>（无表头）</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="297" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="313" />
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="317" />
        <source>%1 (running total)</source>
        <translation>%1（累计值）</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="364" />
        <source>Cancelled: nothing was stored.</source>
        <translation>已取消：未保存任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="371" />
        <source>Nothing was stored: %1</source>
        <translation>未保存任何数据：%1</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="374" />
        <source>Nothing was stored: an unexpected error (%1)</source>
        <translation>未保存任何数据：意外错误（%1）</translation>
    </message>
</context>
<context>
    <name>MetricsStoring</name>
    <message>
        <location filename="../../ui/review/import_storing.py" line="31" />
        <source>Nothing was stored: %1</source>
        <translation>未保存任何数据：%1</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="45" />
        <source>This show has metrics already: %1. Importing a file replaces them all.</source>
        <translation>本场已有数据：%1。导入文件会把它们全部替换。</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="51" />
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="53" />
        <source>%1 from “%2”</source>
        <translation>%1，来自“%2”</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="58" />
        <source>%1, imported %2</source>
        <translation>%1，导入于 %2</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="65" />
        <source>Replace the show's metrics?</source>
        <translation>替换本场的数据吗？</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="67" />
        <source>Replace the show's metrics (%1) with the %2 minutes in “%3”?</source>
        <translation>用“%3”中的 %2 分钟数据替换本场已有的数据（%1）吗？</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="75" />
        <source>A backup of the database is made first: File ▸ Backups… can put the metrics back. Edit ▸ Undo cannot.</source>
        <translation>替换前会先备份数据库：可在 文件 ▸ 备份… 中恢复原来的数据。编辑 ▸ 撤销 无法恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="82" />
        <source>The team database is backed up by its server, not by liveplanner; Edit ▸ Undo cannot put the metrics back.</source>
        <translation>团队数据库由其服务器备份，liveplanner 不做备份；编辑 ▸ 撤销 无法恢复原来的数据。</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="86" />
        <source>&amp;Replace metrics</source>
        <translation>替换数据(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="111" />
        <source>Storing the metrics…</source>
        <translation>正在保存数据…</translation>
    </message>
</context>
<context>
    <name>NewShowDialog</name>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="38" />
        <source>New show</source>
        <translation>新建场次</translation>
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="40" />
        <source>e.g. 双12 beauty special</source>
        <translation>例如：双12美妆专场</translation>
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="50" />
        <source>A show starts in the years %1 to %2</source>
        <translation>开播时间须在 %1 至 %2 年之间</translation>
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="64" />
        <source>Blank</source>
        <translation>空白</translation>
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="65" />
        <source>1-hour flash show</source>
        <translation>1 小时快闪场</translation>
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="66" />
        <source>Standard 2-hour show</source>
        <translation>标准 2 小时场</translation>
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="67" />
        <source>3-hour big-promo show</source>
        <translation>3 小时大促场</translation>
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="72" />
        <source>Team: %1</source>
        <translation>团队：%1</translation>
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="75" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="76" />
        <source>Start</source>
        <translation>开播时间</translation>
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="77" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="78" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="79" />
        <source>Start from</source>
        <translation>模板</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="106" />
        <source>Review note</source>
        <translation>复盘备注</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="106" />
        <source>Change note</source>
        <translation>修改复盘备注</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="108" />
        <source>For</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="114" />
        <source>What worked, what went wrong, what to change next time</source>
        <translation>什么有效、哪里出了问题、下次怎么改</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="118" />
        <source>Who acts on it (for an action)</source>
        <translation>谁来跟进（行动项）</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="119" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="120" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="121" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="137" />
        <source>A note needs some text</source>
        <translation>请填写备注内容</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="79" />
        <source>When / where</source>
        <translation>时间 / 环节</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="79" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="79" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="79" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>OverviewStrip</name>
    <message>
        <location filename="../../ui/editor/overview_strip.py" line="31" />
        <source>Click a block to select its segment</source>
        <translation>点击色块选中对应环节</translation>
    </message>
    <message>
        <location filename="../../ui/editor/overview_strip.py" line="84" />
        <source>No segments yet</source>
        <translation>还没有环节</translation>
    </message>
    <message>
        <location filename="../../ui/editor/overview_strip.py" line="106" />
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../ui/editor/overview_strip.py" line="106" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>PartPanel</name>
    <message>
        <location filename="../../ui/editor/panels.py" line="74" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/panels.py" line="111" />
        <source>Delete %n row(s)</source>
        <translation>
            <numerusform>删除 %n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartTableModel</name>
    <message>
        <location filename="../../ui/editor/part_models.py" line="212" />
        <source>cannot be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="265" />
        <location filename="../../ui/editor/part_models.py" line="318" />
        <location filename="../../ui/labels.py" line="261" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="237" />
        <location filename="../../ui/editor/part_models.py" line="375" />
        <location filename="../../ui/labels.py" line="259" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="259" />
        <location filename="../../ui/labels.py" line="260" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="271" />
        <location filename="../../ui/labels.py" line="262" />
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="274" />
        <location filename="../../ui/labels.py" line="263" />
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="277" />
        <location filename="../../ui/labels.py" line="264" />
        <source>Unit cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="279" />
        <location filename="../../ui/labels.py" line="265" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="281" />
        <source>Price floor</source>
        <translation>价格底线</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="284" />
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="292" />
        <location filename="../../ui/editor/part_models.py" line="301" />
        <source>(all products)</source>
        <translation>（全场）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="310" />
        <location filename="../../ui/labels.py" line="266" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="324" />
        <location filename="../../ui/labels.py" line="267" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="331" />
        <location filename="../../ui/editor/part_models.py" line="434" />
        <location filename="../../ui/labels.py" line="268" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="333" />
        <source>Released</source>
        <translation>已发放</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="336" />
        <location filename="../../ui/labels.py" line="269" />
        <source>Face value</source>
        <translation>面额/价值</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="339" />
        <location filename="../../ui/labels.py" line="270" />
        <source>Special price</source>
        <translation>秒杀价</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="343" />
        <location filename="../../ui/labels.py" line="271" />
        <source>Threshold</source>
        <translation>门槛</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="346" />
        <location filename="../../ui/labels.py" line="272" />
        <source>Per user</source>
        <translation>每人限</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="348" />
        <location filename="../../ui/labels.py" line="273" />
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="350" />
        <location filename="../../ui/labels.py" line="274" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="362" />
        <source>(anyone in the role)</source>
        <translation>（该角色任何人）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="368" />
        <location filename="../../ui/editor/part_models.py" line="427" />
        <location filename="../../ui/labels.py" line="275" />
        <source>At (m:ss)</source>
        <translation>时间点（分:秒）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="381" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="230" />
        <location filename="../../ui/editor/part_models.py" line="386" />
        <location filename="../../ui/labels.py" line="258" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="394" />
        <location filename="../../ui/labels.py" line="276" />
        <source>Cue</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="419" />
        <location filename="../../ui/labels.py" line="277" />
        <source>Promo</source>
        <translation>优惠</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ui/editor/person_dialog.py" line="48" />
        <source>A name, or someone from the list</source>
        <translation>输入姓名，或从列表中选人</translation>
    </message>
    <message>
        <location filename="../../ui/editor/person_dialog.py" line="50" />
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/person_dialog.py" line="56" />
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="33" />
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="43" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="50" />
        <source>How long before the end of a segment the host's countdown turns amber, then red. 0 turns a colour off. Applies to the next run you start.</source>
        <translation>环节结束前多久，主播的倒计时先变为琥珀色，再变为红色。设为 0 则不显示该颜色。从下一次开始的彩排或直播起生效。</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="55" />
        <source>Run timer</source>
        <translation>计时器</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="58" />
        <source>&amp;Amber before the end</source>
        <translation>结束前变琥珀色(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="59" />
        <source>&amp;Red before the end</source>
        <translation>结束前变红色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="65" />
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="72" />
        <source>Copies of the database file on this computer are written here (every 30 minutes while something changed, and on quitting). Empty: the backups folder beside the database. Backups made before stay where they are. A team server backs itself up.</source>
        <translation>本机数据库文件的备份写在这里（有改动时每 30 分钟一次，以及退出时）。留空则使用数据库旁的 backups 文件夹。之前的备份留在原处。团队服务器自行备份。</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="79" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="81" />
        <source>&amp;Folder</source>
        <translation>文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="102" />
        <location filename="../../ui/preferences_dialog.py" line="132" />
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="119" />
        <source>Give the whole path of the folder, such as %1.</source>
        <translation>请填写文件夹的完整路径，例如 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="127" />
        <source>The folder %1 cannot be made: %2</source>
        <translation>无法创建文件夹 %1：%2</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <location filename="../../ui/rehearsal/presenter.py" line="67" />
        <source>liveplanner presenter</source>
        <translation>liveplanner 提词屏</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/presenter.py" line="72" />
        <source>PAUSED</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/presenter.py" line="100" />
        <source>Close the presenter screen</source>
        <translation>关闭提词屏</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/presenter.py" line="119" />
        <source>Next: %1 (%2)</source>
        <translation>下一环节：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/presenter.py" line="123" />
        <source>Next: the end</source>
        <translation>下一环节：结束</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/review/import_preview.py" line="71" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/review/import_preview.py" line="73" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>ProductsImportDialog</name>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="62" />
        <source>Douyin · product list</source>
        <translation>抖音 · 商品明细</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="63" />
        <source>Taobao Live · product analysis</source>
        <translation>淘宝直播 · 商品分析</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="66" />
        <source>TikTok Shop · product list</source>
        <translation>TikTok Shop · 商品列表</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="87" />
        <source>Import product figures — %1</source>
        <translation>导入商品数据 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="96" />
        <source>A CSV or XLSX product export from the platform</source>
        <translation>平台导出的 CSV 或 XLSX 商品明细</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="97" />
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="103" />
        <source>Recognise from the headers</source>
        <translation>按表头自动识别</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="108" />
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="109" />
        <source>Layout:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="119" />
        <source>The show has product figures from %1; importing replaces them (the database is backed up first).</source>
        <translation>本场已有来自 %1 的商品数据；导入将替换它们（会先备份数据库）。</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="135" />
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="135" />
        <source>Read as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="144" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="145" />
        <source>Product in the file</source>
        <translation>文件中的商品</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="146" />
        <source>Show's product</source>
        <translation>本场商品</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="147" />
        <source>Items sold</source>
        <translation>成交件数</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="148" />
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="149" />
        <source>Refunds</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="158" />
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="159" />
        <source>Rows and the products they match</source>
        <translation>各行及匹配到的商品</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="167" />
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="179" />
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="197" />
        <source>Choose the platform's product export</source>
        <translation>选择平台导出的商品明细</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="198" />
        <source>Product exports (%1);;All files (*)</source>
        <translation>商品明细 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="216" />
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="268" />
        <source>Not read</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="291" />
        <source>not matched</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="303" />
        <source>%1 rows, %2 matched to the show's products, %3 not; %4; layout: %5</source>
        <translation>共 %1 行，%2 行匹配到本场商品，%3 行未匹配；%4；格式：%5</translation>
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="308" />
        <source>by header names</source>
        <translation>按表头名称</translation>
    </message>
</context>
<context>
    <name>RehearsalResults</name>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="48" />
        <source>Rehearsal results</source>
        <translation>彩排结果</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="52" />
        <source>Apply this take's lengths to the plan</source>
        <translation>把这次彩排的时长用到方案里</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="59" />
        <source>Take</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="72" />
        <source>Take %1 (%2)</source>
        <translation>第 %1 次彩排（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="76" />
        <source>%1, unfinished</source>
        <translation>%1，未完成</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="81" />
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="81" />
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="95" />
        <source>%1 (%2 s)</source>
        <translation>%1（%2 秒）</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="134" />
        <source>Apply rehearsed lengths</source>
        <translation>应用彩排时长</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../ui/review/report.py" line="138" />
        <source>Segment times as they ran (live run of %1).</source>
        <translation>环节时间按实际（%1 的正式直播）。</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="142" />
        <source>Segment times as planned (no live run on the timer).</source>
        <translation>环节时间按计划（没有用计时器的正式直播记录）。</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="145" />
        <source>Sales credited to the segment running %1 min earlier.</source>
        <translation>成交计入 %1 分钟前正在进行的环节。</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="132" />
        <source>Segments</source>
        <comment>title of the table of every segment</comment>
        <translation>各环节</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="214" />
        <source>Green: best GMV per minute; red: lowest.</source>
        <translation>绿色：每分钟成交最高；红色：最低。</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="215" />
        <location filename="../../ui/review/report.py" line="389" />
        <source>By kind</source>
        <translation>按环节类型</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="216" />
        <location filename="../../ui/review/report.py" line="394" />
        <source>By product</source>
        <translation>按商品</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="217" />
        <location filename="../../ui/review/report.py" line="400" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="218" />
        <location filename="../../ui/review/report.py" line="402" />
        <source>When / where</source>
        <translation>时间 / 环节</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="219" />
        <location filename="../../ui/review/report.py" line="403" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="220" />
        <location filename="../../ui/review/report.py" line="404" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="221" />
        <location filename="../../ui/review/report.py" line="405" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="222" />
        <source>No notes.</source>
        <translation>暂无备注。</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="265" />
        <source>No product figures imported.</source>
        <translation>未导入商品数据。</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="344" />
        <source>Summary</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="346" />
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="347" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="348" />
        <source>Against target</source>
        <translation>对比目标</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="351" />
        <source>Show</source>
        <translation>场次设置</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="352" />
        <source>Times</source>
        <translation>时间依据</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="413" />
        <source>Minutes</source>
        <translation>分钟数据</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="415" />
        <source>Minute</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="416" />
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="417" />
        <source>Sales credited to</source>
        <translation>成交计入</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/review/report_dialog.py" line="28" />
        <source>Export report</source>
        <translation>导出复盘报告</translation>
    </message>
    <message>
        <location filename="../../ui/review/report_dialog.py" line="30" />
        <source>PDF report (*.pdf);;Web page (*.html);;Spreadsheet (*.xlsx)</source>
        <translation>PDF 报告 (*.pdf);;网页 (*.html);;表格 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/review/report_dialog.py" line="44" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/review/report_dialog.py" line="45" />
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/review/report_dialog.py" line="54" />
        <source>Report written to %1</source>
        <translation>报告已保存到 %1</translation>
    </message>
</context>
<context>
    <name>ReviewChart</name>
    <message>
        <location filename="../../ui/review/chart.py" line="71" />
        <source>GMV ¥/min</source>
        <translation>成交 元/分</translation>
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="66" />
        <source>Viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="76" />
        <source>Orders</source>
        <translation>订单/分</translation>
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="81" />
        <source>Interaction</source>
        <translation>评论、点赞</translation>
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="86" />
        <source>Followers</source>
        <translation>涨粉/分</translation>
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="121" />
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="122" />
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="295" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="409" />
        <source>no data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>ReviewNotes</name>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="35" />
        <source>Worked</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="36" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="37" />
        <source>Action</source>
        <translation>行动项</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="38" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="50" />
        <source>whole show</source>
        <translation>整场</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/review/review_page.py" line="161" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="164" />
        <source>Orders come in a minute or two after the pitch: each minute's sales are credited to the segment running this many minutes earlier.</source>
        <translation>讲解后一两分钟才会下单：每分钟的成交计入这么多分钟之前正在进行的环节。</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="169" />
        <source>Import metrics…</source>
        <translation>导入数据…</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="171" />
        <source>Import product figures…</source>
        <translation>导入商品数据…</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="173" />
        <location filename="../../ui/review/review_page.py" line="277" />
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="175" />
        <source>Compare shows…</source>
        <translation>多场对比…</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="177" />
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="185" />
        <source>Sales credited</source>
        <translation>成交计入</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="187" />
        <source>after the pitch</source>
        <translation>讲解之后</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="209" />
        <source>Lanes:</source>
        <translation>曲线：</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="219" />
        <source>券 coupon drop · 秒 flash sale · 抽 lucky draw · ✎ note · drag to pan, wheel to zoom</source>
        <translation>券 发券 · 秒 秒杀 · 抽 抽奖 · ✎ 备注 · 拖动平移，滚轮缩放</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="232" />
        <source>No minute metrics for this show yet.

Import the platform's minute-by-minute export (Review ▸ Import metrics…, Ctrl+Shift+I) to see it over the plan.</source>
        <translation>本场还没有分钟级数据。

导入平台的分钟级导出文件（复盘 ▸ 导入数据…，Ctrl+Shift+I），即可与脚本对照查看。</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="273" />
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="275" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="286" />
        <source>By segment</source>
        <translation>分环节</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="287" />
        <source>By kind</source>
        <translation>按环节类型</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="288" />
        <source>By product</source>
        <translation>按商品</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="289" />
        <source>Products</source>
        <translation>商品明细</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="290" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="373" />
        <source>Not in this show's export</source>
        <translation>本场导出文件中没有此项</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="382" />
        <source>Notes (%1)</source>
        <translation>备注（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="389" />
        <source>Segment times as they ran: the live run of %1.</source>
        <translation>环节时间按实际：%1 的正式直播。</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="393" />
        <source>Segment times as planned: the show has no live run on the timer.</source>
        <translation>环节时间按计划：本场没有用计时器的正式直播记录。</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="398" />
        <source>%1 minutes of data; %2 of the show's %3 minutes have none.</source>
        <translation>共 %1 分钟数据；本场 %3 分钟中有 %2 分钟没有数据。</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="400" />
        <source>%1 minutes of data, covering all of the show's %3 minutes.</source>
        <translation>共 %1 分钟数据，覆盖本场全部 %3 分钟。</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="405" />
        <source>%1 minutes of data, %2 missing.</source>
        <translation>共 %1 分钟数据，缺 %2 分钟。</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="411" />
        <source>%1 of them lie outside the script: see the rows before or after it.</source>
        <translation>其中 %1 分钟不在脚本时段内：见脚本开始前或结束后那一行。</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="498" />
        <source>Delete note</source>
        <translation>删除备注</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="499" />
        <source>Delete this note?

%1</source>
        <translation>删除这条备注？

%1</translation>
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="509" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>ReviewTables</name>
    <message>
        <location filename="../../ui/review/tables.py" line="133" />
        <source>Best GMV per minute</source>
        <translation>每分钟成交最高</translation>
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="134" />
        <source>Lowest GMV per minute</source>
        <translation>每分钟成交最低</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="49" />
        <source>Before the script: %1</source>
        <translation>脚本开始前：%1</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="51" />
        <source>After the script: %1</source>
        <translation>脚本结束后：%1</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="86" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="91" />
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="93" />
        <location filename="../../ui/review/table_columns.py" line="183" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="54" />
        <location filename="../../ui/review/table_columns.py" line="100" />
        <location filename="../../ui/review/table_columns.py" line="189" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="102" />
        <source>Planned start</source>
        <translation>计划开始</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="103" />
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="107" />
        <source>Actual start</source>
        <translation>实际开始</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="108" />
        <source>Actual</source>
        <translation>实际时长</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="110" />
        <source>Over / under</source>
        <translation>超时 / 提前</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="142" />
        <source>Items sold</source>
        <translation>成交件数</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="153" />
        <source>Viewers kept</source>
        <translation>留存</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="224" />
        <source>Targets met</source>
        <translation>达成目标</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="225" />
        <source>Targets missed</source>
        <translation>未达目标</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="61" />
        <location filename="../../ui/review/summary_figures.py" line="71" />
        <location filename="../../ui/review/table_columns.py" line="117" />
        <location filename="../../ui/review/table_columns.py" line="171" />
        <location filename="../../ui/review/table_columns.py" line="215" />
        <location filename="../../ui/review/table_columns.py" line="271" />
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="77" />
        <location filename="../../ui/review/table_columns.py" line="118" />
        <location filename="../../ui/review/table_columns.py" line="172" />
        <location filename="../../ui/review/table_columns.py" line="217" />
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="119" />
        <source>Buyers</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="120" />
        <location filename="../../ui/review/table_columns.py" line="173" />
        <location filename="../../ui/review/table_columns.py" line="216" />
        <location filename="../../ui/review/table_columns.py" line="272" />
        <source>GMV / min</source>
        <translation>每分钟成交</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="121" />
        <location filename="../../ui/review/table_columns.py" line="219" />
        <source>Avg viewers</source>
        <translation>平均在线</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="81" />
        <location filename="../../ui/review/table_columns.py" line="122" />
        <location filename="../../ui/review/table_columns.py" line="218" />
        <source>Peak viewers</source>
        <translation>峰值在线</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="124" />
        <source>Entries − exits</source>
        <translation>进入 − 离开</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="129" />
        <source>Comments / min</source>
        <translation>评论/分</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="130" />
        <source>Likes / min</source>
        <translation>点赞/分</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="99" />
        <location filename="../../ui/review/summary_figures.py" line="208" />
        <location filename="../../ui/review/table_columns.py" line="131" />
        <location filename="../../ui/review/table_columns.py" line="221" />
        <source>GPM</source>
        <translation>千次观看成交</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="169" />
        <source>Segments</source>
        <translation>环节数</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="170" />
        <location filename="../../ui/review/table_columns.py" line="270" />
        <source>Time</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="180" />
        <source>Outside the script</source>
        <translation>脚本时段之外</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="198" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="203" />
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="205" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="210" />
        <source>Times</source>
        <translation>时间依据</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="214" />
        <source>On air</source>
        <translation>直播时长</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="93" />
        <location filename="../../ui/review/table_columns.py" line="220" />
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="105" />
        <location filename="../../ui/review/table_columns.py" line="222" />
        <source>New followers</source>
        <translation>新增粉丝</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="231" />
        <source>%1 / min</source>
        <translation>%1 每分钟</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="252" />
        <source>actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="253" />
        <source>planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="258" />
        <source>Morning 06–12</source>
        <translation>上午 06–12</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="259" />
        <source>Afternoon 12–18</source>
        <translation>下午 12–18</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="260" />
        <source>Prime time 18–21</source>
        <translation>黄金档 18–21</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="261" />
        <source>Late 21–24</source>
        <translation>夜间 21–24</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="262" />
        <source>Night 00–06</source>
        <translation>凌晨 00–06</translation>
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="269" />
        <source>Shows</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="31" />
        <source>at most %1</source>
        <translation>上限 %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="33" />
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="36" />
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="38" />
        <source>met ✓</source>
        <translation>已达成 ✓</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="40" />
        <source>over by %1</source>
        <translation>超出 %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="44" />
        <source>short by %1</source>
        <translation>差 %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="84" />
        <source>Average viewers</source>
        <translation>平均在线</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="88" />
        <source>Viewers</source>
        <translation>观看人数</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="110" />
        <source>Interaction</source>
        <translation>互动率</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="138" />
        <location filename="../../ui/review/summary_figures.py" line="198" />
        <location filename="../../ui/review/table_columns.py" line="134" />
        <source>UV value</source>
        <translation>UV 价值</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="144" />
        <location filename="../../ui/review/summary_figures.py" line="204" />
        <location filename="../../ui/review/table_columns.py" line="137" />
        <source>Order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="150" />
        <source>Value per buyer</source>
        <translation>人均成交</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="154" />
        <location filename="../../ui/review/summary_figures.py" line="241" />
        <location filename="../../ui/review/table_columns.py" line="139" />
        <source>Ad spend</source>
        <translation>投放消耗</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="159" />
        <location filename="../../ui/review/summary_figures.py" line="211" />
        <location filename="../../ui/review/table_columns.py" line="140" />
        <source>ROI</source>
        <translation>投产比</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="22" />
        <source>Product sales</source>
        <translation>商品销售</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="38" />
        <source>Sold out</source>
        <translation>售罄</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="40" />
        <source>Under 20 %</source>
        <translation>售出不足 20%</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="42" />
        <source>Not in plan</source>
        <translation>不在计划中</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="55" />
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="56" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="57" />
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="58" />
        <source>Sell-through</source>
        <translation>售罄率</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="59" />
        <source>Clicks</source>
        <translation>点击</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="60" />
        <source>Click to order</source>
        <translation>点击转化率</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="62" />
        <location filename="../../ui/review/product_columns.py" line="101" />
        <location filename="../../ui/review/summary_figures.py" line="217" />
        <location filename="../../ui/review/table_columns.py" line="146" />
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="63" />
        <location filename="../../ui/review/product_columns.py" line="109" />
        <location filename="../../ui/review/summary_figures.py" line="270" />
        <location filename="../../ui/review/table_columns.py" line="150" />
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="65" />
        <source>Pitched in</source>
        <translation>讲解环节</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="72" />
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="107" />
        <location filename="../../ui/review/summary_figures.py" line="223" />
        <location filename="../../ui/review/table_columns.py" line="149" />
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="111" />
        <location filename="../../ui/review/summary_figures.py" line="229" />
        <location filename="../../ui/review/table_columns.py" line="151" />
        <source>Net GMV</source>
        <translation>净成交额</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="171" />
        <location filename="../../ui/review/summary_figures.py" line="235" />
        <location filename="../../ui/review/table_columns.py" line="155" />
        <source>Watch time</source>
        <translation>观看时长</translation>
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="247" />
        <source>Refund rate</source>
        <translation>退款率</translation>
    </message>
</context>
<context>
    <name>RunSheet</name>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="41" />
        <source>¥%2 off ¥%1</source>
        <translation>满%1减%2</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="47" />
        <source>¥%1 off, no minimum</source>
        <translation>无门槛减%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="51" />
        <source>flash price %1</source>
        <translation>秒杀价 %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="57" />
        <source>worth %1</source>
        <translation>价值 %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="63" />
        <source>limit %1 per person</source>
        <translation>每人限 %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="100" />
        <source>SKU %1</source>
        <translation>SKU %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="166" />
        <source>Everyone</source>
        <translation>全体</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="184" />
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="215" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="216" />
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="217" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="218" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="219" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="220" />
        <source>Promos</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="222" />
        <source>Talking points</source>
        <translation>话术要点</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="224" />
        <source>Cues</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="282" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="283" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="284" />
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="286" />
        <source>On air</source>
        <translation>直播时间</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="289" />
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="290" />
        <source>Segments</source>
        <translation>环节数</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="295" />
        <source>Slot ends</source>
        <translation>时段结束</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="302" />
        <source>Hard stop</source>
        <translation>最晚结束</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="316" />
        <source>This show has no segments yet: add them in the script editor.</source>
        <translation>本场还没有环节：请先在脚本编辑器中添加。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="329" />
        <source>Run sheet</source>
        <translation>直播流程表</translation>
    </message>
</context>
<context>
    <name>SaveTemplateDialog</name>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="21" />
        <source>Save as team template</source>
        <translation>存为团队模板</translation>
    </message>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="26" />
        <source>Include the show's &amp;products</source>
        <translation>包含本场商品(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="28" />
        <source>Without them, the template's segments and promos name no product</source>
        <translation>不包含时，模板里的环节和优惠不关联商品</translation>
    </message>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="40" />
        <source>New shows can start from it; everyone on this database sees it.</source>
        <translation>新建直播可从它开始；使用这个数据库的每个人都能看到。</translation>
    </message>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="42" />
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="61" />
        <source>The team has a template called “%1”: saving replaces it.</source>
        <translation>团队已有名为“%1”的模板：保存将替换它。</translation>
    </message>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="65" />
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="68" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ScriptFiles</name>
    <message>
        <location filename="../../ui/script/actions.py" line="32" />
        <source>Import script</source>
        <translation>导入脚本</translation>
    </message>
    <message>
        <location filename="../../ui/script/actions.py" line="33" />
        <source>Run sheets and show files (*.xlsx *.xlsm *.csv *.tsv *.txt *.json);;All files (*)</source>
        <translation>直播脚本和场次文件 (*.xlsx *.xlsm *.csv *.tsv *.txt *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/script/actions.py" line="53" />
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/script/actions.py" line="80" />
        <source>Imported %1 as a new show</source>
        <translation>已将 %1 导入为新场次</translation>
    </message>
    <message>
        <location filename="../../ui/script/actions.py" line="93" />
        <source>Export script</source>
        <translation>导出脚本</translation>
    </message>
    <message>
        <location filename="../../ui/script/actions.py" line="95" />
        <source>Run sheet (*.xlsx);;Run sheet and cue cards, to print (*.pdf);;Show file, to hand on (*.json)</source>
        <translation>直播脚本表格 (*.xlsx);;流程表和手卡，用于打印 (*.pdf);;场次文件，用于转交 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/script/actions.py" line="113" />
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/script/actions.py" line="121" />
        <source>Script written to %1</source>
        <translation>脚本已写入 %1</translation>
    </message>
</context>
<context>
    <name>ScriptImportDialog</name>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="72" />
        <source>Import run sheet</source>
        <translation>导入直播脚本</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="87" />
        <location filename="../../ui/script/import_dialog.py" line="104" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="88" />
        <location filename="../../ui/script/import_dialog.py" line="101" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="89" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="92" />
        <source>Column in the sheet</source>
        <translation>表格中的列</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="92" />
        <source>Read as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="102" />
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="103" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="105" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="106" />
        <source>Promos</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="107" />
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="108" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="122" />
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="143" />
        <source>Import as a new show</source>
        <translation>导入为新场次</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="176" />
        <source>; with liveplanner's own sheets (settings, team, products, promos, cues)</source>
        <translation>；含 liveplanner 导出的附表（场次设置、团队、商品、优惠、分工）</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="181" />
        <source>%1 · %2 · sheet “%3”, header in row %4</source>
        <translation>%1 · %2 · 工作表“%3”，表头在第 %4 行</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="197" />
        <source>Every cell was read into a field.</source>
        <translation>所有单元格都已读入对应字段。</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="207" />
        <source>Change how a column is read, or set it to “not read”, to try again.</source>
        <translation>可以修改某列的读取方式，或设为“不读取”，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="294" />
        <source>%1 segments, %2 long · %3 products · %4 people · %5 promos</source>
        <translation>%1 个环节，共 %2 · %3 个商品 · %4 人 · %5 项优惠</translation>
    </message>
</context>
<context>
    <name>ScriptPrint</name>
    <message>
        <location filename="../../ui/printing/documents.py" line="98" />
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location filename="../../ui/printing/documents.py" line="141" />
        <source>Printed %1 · liveplanner</source>
        <translation>打印于 %1 · liveplanner</translation>
    </message>
    <message>
        <location filename="../../ui/printing/documents.py" line="206" />
        <source>Run sheet — %1</source>
        <translation>直播流程表 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/documents.py" line="208" />
        <source>Cue cards — %1</source>
        <translation>手卡 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/markup.py" line="103" />
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>SegmentActions</name>
    <message>
        <location filename="../../ui/editor/segment_actions.py" line="20" />
        <source>New segment</source>
        <translation>新环节</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_actions.py" line="55" />
        <source>Clear cells</source>
        <translation>清空单元格</translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="171" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="172" />
        <location filename="../../ui/labels.py" line="206" />
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="173" />
        <location filename="../../ui/labels.py" line="204" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="174" />
        <location filename="../../ui/labels.py" line="205" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="175" />
        <location filename="../../ui/labels.py" line="207" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="176" />
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="177" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="178" />
        <source>Promo</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="179" />
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="180" />
        <source>Co-host</source>
        <translation>助播</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="181" />
        <source>Floor control</source>
        <translation>场控</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="182" />
        <location filename="../../ui/labels.py" line="208" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="296" />
        <source>Two flash sales are released in this segment: see Promo releases.</source>
        <translation>本环节放出了两个秒杀：请看“优惠发放”。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="299" />
        <source>A flash sale: its price and units show here once the Promos tab has a flash sale of this segment's product.</source>
        <translation>秒杀环节：在“优惠”页为本环节的商品添加秒杀后，这里显示秒杀价和件数。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="303" />
        <source>Flash-sale price of %1</source>
        <translation>%1 的秒杀价</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="304" />
        <source>Units of %1 put out in this segment</source>
        <translation>%1 在本环节放出的件数</translation>
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="311" />
        <location filename="../../ui/editor/segment_model.py" line="316" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../ui/share_dialog.py" line="61" />
        <source>Share screens</source>
        <translation>共享屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="81" />
        <source>&amp;Copy link</source>
        <translation>复制链接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="83" />
        <source>&amp;Follow a feed file…</source>
        <translation>跟随数据文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="86" />
        <source>A CSV a screen logger or export tool keeps appending to: its minutes are read as it grows and shown on every page</source>
        <translation>屏幕记录或导出工具不断追加的 CSV 文件：随写随读，每个页面都能看到</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="97" />
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="98" />
        <source>&amp;Port</source>
        <translation>端口(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="141" />
        <source>Follow a feed file</source>
        <translation>跟随数据文件</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="141" />
        <source>CSV (*.csv *.txt)</source>
        <translation>CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="156" />
        <source>&amp;Stop sharing</source>
        <translation>停止共享(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="156" />
        <source>&amp;Start sharing</source>
        <translation>开始共享(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="161" />
        <source>Serving at %1. Each link carries its own token: anyone with a link sees that screen; the viewer's screen cannot tick.</source>
        <translation>正在 %1 提供屏幕。每个链接带有自己的口令：拿到链接的人能看到那个屏幕；观看屏幕不能勾选。</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="166" />
        <source>Nothing is served until you start. The links are new each time; pick the address your phones and tablets can reach.</source>
        <translation>开始前不提供任何页面。每次开始都会生成新链接；请选择手机和平板能访问的地址。</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="173" />
        <source>Viewer (read only)</source>
        <translation>查看（只读）</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="184" />
        <source>Feed for a collector</source>
        <translation>采集程序数据入口</translation>
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="192" />
        <source>Reading %1 as it grows.</source>
        <translation>正在随写随读 %1。</translation>
    </message>
</context>
<context>
    <name>ShowEditor</name>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="137" />
        <source>Talking points for the host, one per line</source>
        <translation>主播话术要点，每行一条</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="141" />
        <source>Add cue</source>
        <translation>添加提示</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="146" />
        <location filename="../../ui/editor/show_editor.py" line="273" />
        <source>Add promo release</source>
        <translation>添加优惠发放</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="152" />
        <location filename="../../ui/labels.py" line="209" />
        <source>Talking points</source>
        <translation>话术要点</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="154" />
        <source>Cues for the team</source>
        <translation>团队提示</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="156" />
        <source>Promo releases</source>
        <translation>优惠发放</translation>
    </message>
    <message>
        <location filename="../../ui/editor/person_dialog.py" line="114" />
        <location filename="../../ui/editor/show_editor.py" line="160" />
        <source>Add team member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="163" />
        <source>Add product</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="166" />
        <source>Add promo</source>
        <translation>添加优惠</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="173" />
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="174" />
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="175" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="176" />
        <source>Promos</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="177" />
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="179" />
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="182" />
        <source>Show</source>
        <translation>场次设置</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="204" />
        <source>&amp;Insert segment</source>
        <translation>插入环节(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="207" />
        <source>Du&amp;plicate segments</source>
        <translation>复制环节(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="210" />
        <source>&amp;Delete segments</source>
        <translation>删除环节(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="215" />
        <source>&amp;Clear cells</source>
        <translation>清空单元格(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="218" />
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="221" />
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="223" />
        <source>&amp;Next finding</source>
        <translation>下一个问题(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="256" />
        <source>New product</source>
        <translation>新商品</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="259" />
        <source>New promo</source>
        <translation>新优惠</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="265" />
        <source>New cue</source>
        <translation>新提示</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="273" />
        <source>Add a promo on the Promos tab first.</source>
        <translation>请先在“优惠”页添加优惠。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="333" />
        <source>No segment chosen</source>
        <translation>未选择环节</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="339" />
        <source>Segment %1: %2</source>
        <translation>环节 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="369" />
        <source>%1 – %2 · %3 · %4 segments</source>
        <translation>%1 – %2 · %3 · %4 个环节</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="376" />
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/show_editor.py" line="377" />
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/show_editor.py" line="378" />
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="380" />
        <source>Findings (%1)</source>
        <translation>检查结果（%1）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/show_editor.py" line="401" />
        <source>%n more change(s)…</source>
        <translation>
            <numerusform>另有 %n 条修改…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="404" />
        <source>Changed elsewhere, and shown here now:</source>
        <translation>他处已修改，现已同步显示：</translation>
    </message>
</context>
<context>
    <name>ShowForm</name>
    <message>
        <location filename="../../ui/editor/show_form.py" line="116" />
        <location filename="../../ui/labels.py" line="216" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="118" />
        <location filename="../../ui/labels.py" line="217" />
        <source>Start</source>
        <translation>开播时间</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="128" />
        <location filename="../../ui/labels.py" line="218" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="133" />
        <location filename="../../ui/labels.py" line="219" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="134" />
        <location filename="../../ui/labels.py" line="220" />
        <source>Room / account</source>
        <translation>直播间 / 账号</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="137" />
        <location filename="../../ui/labels.py" line="221" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="139" />
        <location filename="../../ui/labels.py" line="222" />
        <source>Planned end</source>
        <translation>计划结束</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="144" />
        <location filename="../../ui/labels.py" line="223" />
        <source>Hard stop</source>
        <translation>最晚结束</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="149" />
        <location filename="../../ui/labels.py" line="224" />
        <source>Maximum discount (%)</source>
        <translation>最大折扣（%）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="154" />
        <location filename="../../ui/labels.py" line="225" />
        <source>Minimum margin on cost (%)</source>
        <translation>最低成本加成（%）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="159" />
        <location filename="../../ui/labels.py" line="226" />
        <source>Target GMV (yuan)</source>
        <translation>目标 GMV（元）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="164" />
        <location filename="../../ui/labels.py" line="227" />
        <location filename="../../ui/review/campaign_dialog.py" line="60" />
        <source>Target viewers</source>
        <translation>目标观看人数</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="169" />
        <location filename="../../ui/labels.py" line="228" />
        <location filename="../../ui/review/campaign_dialog.py" line="61" />
        <source>Target conversion (%)</source>
        <translation>目标转化率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="174" />
        <location filename="../../ui/labels.py" line="229" />
        <location filename="../../ui/review/campaign_dialog.py" line="62" />
        <source>Target new followers</source>
        <translation>目标新增粉丝</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="179" />
        <location filename="../../ui/labels.py" line="230" />
        <location filename="../../ui/review/campaign_dialog.py" line="63" />
        <source>Target interaction (%)</source>
        <translation>目标互动率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="185" />
        <source>Targets: whether it paid</source>
        <translation>目标：是否赚钱</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="195" />
        <source>Rhythm</source>
        <translation>节奏</translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="207" />
        <location filename="../../ui/labels.py" line="233" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="41" />
        <source>UV value (yuan)</source>
        <translation>UV 价值（元）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="47" />
        <source>Order value (yuan)</source>
        <translation>客单价（元）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="53" />
        <source>GPM (yuan)</source>
        <translation>千次观看成交（元）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="59" />
        <source>ROI (such as 3.5)</source>
        <translation>投产比（如 3.5）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="65" />
        <source>Gross profit (yuan)</source>
        <translation>毛利（元）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="71" />
        <source>Margin (%)</source>
        <translation>毛利率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="77" />
        <source>Net GMV (yuan)</source>
        <translation>净成交额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="83" />
        <source>Watch time (m:ss or s)</source>
        <translation>观看时长（分:秒 或 秒）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="89" />
        <source>Ad spend at most (yuan)</source>
        <translation>投放消耗上限（元）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="95" />
        <source>Refunds at most (%)</source>
        <translation>退款率上限（%）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="40" />
        <source>Mix target (%)</source>
        <translation>内容占比目标（%）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="41" />
        <source>Products / promotions / interaction, in per cent of their time, adding up to 100</source>
        <translation>商品讲解 / 促销福利 / 互动，各占三者时长的百分比，合计 100</translation>
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="49" />
        <source>A benefit at least every (min)</source>
        <translation>福利间隔不超过（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="56" />
        <source>Rest after a benefit (min)</source>
        <translation>两档福利至少间隔（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="63" />
        <source>Product intro at most (min)</source>
        <translation>产品讲解不超过（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="76" />
        <source>Mix target: products (%)</source>
        <translation>占比目标：商品讲解（%）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="77" />
        <source>Mix target: promotions (%)</source>
        <translation>占比目标：促销福利（%）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="78" />
        <source>Mix target: interaction (%)</source>
        <translation>占比目标：互动（%）</translation>
    </message>
</context>
<context>
    <name>ShowListModel</name>
    <message>
        <location filename="../../ui/show_list_model.py" line="41" />
        <source>Start</source>
        <translation>开播时间</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="42" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="43" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="44" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="45" />
        <source>Segments</source>
        <translation>环节数</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="46" />
        <source>Length</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>ShowListPage</name>
    <message>
        <location filename="../../ui/show_list_page.py" line="28" />
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="29" />
        <source>Upcoming</source>
        <translation>即将开播</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="30" />
        <source>Past</source>
        <translation>已过去</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="31" />
        <source>Next 30 days</source>
        <translation>未来 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="32" />
        <source>Last 30 days</source>
        <translation>过去 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="91" />
        <source>No shows yet.
File ▸ New show starts one; File ▸ Add demo show adds an example.</source>
        <translation>还没有直播场次。
文件 ▸ 新建场次开始一场；文件 ▸ 添加演示场次可查看示例。</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="100" />
        <source>Search titles and rooms</source>
        <translation>搜索标题或直播间</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="103" />
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="107" />
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
</context>
<context>
    <name>ShowPicker</name>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="94" />
        <source>Add shows to the campaign</source>
        <translation>把场次添加到活动</translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="113" />
        <source>Tick the shows the campaign counts:</source>
        <translation>勾选计入活动的场次：</translation>
    </message>
</context>
<context>
    <name>StartRunDialog</name>
    <message>
        <location filename="../../ui/rehearsal/start_dialog.py" line="12" />
        <source>Run the show</source>
        <translation>运行直播</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/start_dialog.py" line="14" />
        <source>&amp;Rehearsal: a take to compare with the plan</source>
        <translation>彩排(&amp;R)：与方案对比的一次演练</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/start_dialog.py" line="15" />
        <source>&amp;Live show: the run the review will use</source>
        <translation>正式直播(&amp;L)：复盘将使用这次运行</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/start_dialog.py" line="18" />
        <source>What are you running?</source>
        <translation>这次是？</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/start_dialog.py" line="21" />
        <source>live show</source>
        <translation>正式直播</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/start_dialog.py" line="21" />
        <source>rehearsal</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../ui/rehearsal/start_dialog.py" line="24" />
        <source>Resume the interrupted %1 where the show is now</source>
        <translation>从当前进度继续被中断的%1</translation>
    </message>
</context>
<context>
    <name>SuggestionRow</name>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="51" />
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="52" />
        <source>Make this change to the plan (one step to undo)</source>
        <translation>把这条修改用到方案里（一步即可撤销）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="53" />
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="54" />
        <source>Hide this suggestion while the show is open</source>
        <translation>本场打开期间不再显示这条建议</translation>
    </message>
</context>
<context>
    <name>TimeZoneBox</name>
    <message>
        <location filename="../../ui/widgets/search_combo.py" line="71" />
        <source>Type part of a place's name to find its zone, e.g. Shanghai</source>
        <translation>输入地名的一部分即可找到时区，例如 Shanghai</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/search_combo.py" line="135" />
        <source>No time zone's name holds “%1”.</source>
        <translation>没有名称包含“%1”的时区。</translation>
    </message>
</context>
<context>
    <name>TypedFigures</name>
    <message>
        <location filename="../../ui/desk/typed_figures.py" line="49" />
        <source>&amp;Online now</source>
        <translation>当前在线(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/typed_figures.py" line="50" />
        <source>&amp;GMV so far (¥)</source>
        <translation>累计成交额（元）(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/typed_figures.py" line="51" />
        <source>e.g. 3,400</source>
        <translation>例如 3,400</translation>
    </message>
    <message>
        <location filename="../../ui/desk/typed_figures.py" line="52" />
        <source>e.g. 56,000</source>
        <translation>例如 5.6万</translation>
    </message>
    <message>
        <location filename="../../ui/desk/typed_figures.py" line="53" />
        <source>Send</source>
        <translation>提交</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/welcome_page.py" line="87" />
        <source>Welcome to liveplanner</source>
        <translation>欢迎使用 liveplanner</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="94" />
        <source>Plan a live-stream shopping show, rehearse and run it on a segment timer, and review it against the platform's minute-by-minute data.</source>
        <translation>策划一场直播带货，用环节计时器彩排和直播，再对照平台的分钟级数据复盘。</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="99" />
        <source>How would you like to start?</source>
        <translation>想从哪里开始？</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="105" />
        <source>Explore the demo show</source>
        <translation>看看演示场次</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="107" />
        <source>A complete 3-hour Double-11 show on Douyin: a team, products, coupons and flash sales, a rehearsal, a live run and its minute data to review.</source>
        <translation>一场完整的 3 小时抖音双11专场：团队、商品、优惠券和秒杀，一次彩排、一次正式直播及其分钟数据，可直接复盘。</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="112" />
        <source>Start a blank show</source>
        <translation>新建空白场次</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="113" />
        <source>Give it a title, a start and a platform, then add the segments yourself.</source>
        <translation>填写标题、开播时间和平台，然后自己添加环节。</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="116" />
        <source>Start from a template</source>
        <translation>从模板开始</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="118" />
        <source>A 1-hour flash show, a standard 2-hour show or a 3-hour big-promo show, with a benefit every 15 to 30 minutes, ready to adjust.</source>
        <translation>1 小时快闪场、标准 2 小时场或 3 小时大促场，每 15 到 30 分钟一次福利，按需调整即可。</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="123" />
        <source>Import my run sheet</source>
        <translation>导入我的直播脚本</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="125" />
        <source>The script you already have, as a spreadsheet (XLSX or CSV) or a show file: check how its columns were read, then plan on from there.</source>
        <translation>导入已有的脚本（XLSX 或 CSV 表格，或场次文件）：先核对各列的读取方式，再在此基础上继续策划。</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="139" />
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="151" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="163" />
        <source>Help ▸ Welcome… brings this page back.</source>
        <translation>随时可通过“帮助 ▸ 欢迎页…”回到此页。</translation>
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="166" />
        <source>Go to the &amp;show list</source>
        <translation>前往场次列表(&amp;S)</translation>
    </message>
</context>
<context>
    <name>WorkspaceFlow</name>
    <message>
        <location filename="../../ui/workspace_flow.py" line="51" />
        <source>Nothing was created in %1. Give liveplanner a database of its own: create one on the server (CREATE DATABASE liveplanner), then choose it in File ▸ Database…</source>
        <translation>未在 %1 中创建任何表。请为 liveplanner 单独准备一个数据库：在服务器上新建一个（CREATE DATABASE liveplanner），再在“文件 ▸ 数据库…”中选择它。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="77" />
        <source>%1, so this window opens the database read-only: you can look, print and export, but not change anything.</source>
        <translation>%1，因此本窗口以只读方式打开数据库：可以查看、打印和导出，但不能修改。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="86" />
        <source>process %1 on %2</source>
        <translation>%2 上的进程 %1</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="88" />
        <source>another process</source>
        <translation>另一个进程</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="94" />
        <source>Another liveplanner (%1) has the database %2 open.

This window opens it read-only: you can look, print and export, but not change anything. To edit here, close the other one and start liveplanner again.</source>
        <translation>另一个 liveplanner（%1）已打开数据库 %2。

本窗口以只读方式打开：可以查看、打印和导出，但不能修改。要在这里编辑，请关闭另一个后重新启动 liveplanner。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workspace_flow.py" line="109" />
        <source>The database %1 already holds %n table(s) of another program (%2). liveplanner's tables are best kept in a database of their own.

Create liveplanner's tables beside them anyway?</source>
        <translation>
            <numerusform>数据库 %1 中已有其他程序的 %n 张表（%2）。liveplanner 的表最好放在单独的数据库中。

仍要在它们旁边创建 liveplanner 的表吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="126" />
        <source>The database %1 is damaged (%2).</source>
        <translation>数据库 %1 已损坏（%2）。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="134" />
        <source>There is no good backup of it.</source>
        <translation>没有可用的完好备份。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="143" />
        <source>Set the damaged file aside (it is kept, untouched) and go on with the newest good backup, %1?</source>
        <translation>把损坏的文件移到一旁（原样保留，不做改动），改用最新的完好备份 %1 继续吗？</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="155" />
        <source>The damaged file was set aside as %1</source>
        <translation>损坏的文件已移到一旁，保存为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="170" />
        <source>Open the database on this computer instead? File ▸ Database… switches back to the team server.</source>
        <translation>改为打开本机上的数据库吗？之后可用“文件 ▸ 数据库…”切换回团队服务器。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="181" />
        <source>The folder %1 is read-only</source>
        <translation>文件夹 %1 是只读的</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="183" />
        <source>The file %1 is read-only</source>
        <translation>文件 %1 是只读的</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="188" />
        <source>, </source>
        <comment>between the names in a list</comment>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workspace_flow.py" line="191" />
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 以及另外 %n 张</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../cli/database.py" line="19" />
        <source>upgraded from {before} to {head}</source>
        <translation>已从 {before} 升级到 {head}</translation>
    </message>
    <message>
        <location filename="../../cli/database.py" line="24" />
        <source>already at {head}</source>
        <translation>已是 {head}</translation>
    </message>
    <message>
        <location filename="../../cli/database.py" line="32" />
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../cli/database.py" line="38" />
        <source>a PostgreSQL database is backed up by its server (pg_dump), not here</source>
        <translation>PostgreSQL 数据库由其服务器备份（pg_dump），不在这里备份</translation>
    </message>
    <message>
        <location filename="../../cli/database.py" line="65" />
        <source>restored {chosen}; the database as it was is now {before}</source>
        <translation>已恢复 {chosen}；恢复前的数据库现在是 {before}</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="47" />
        <source>--map {text!r} is not HEADER=METRIC</source>
        <translation>--map {text!r} 不是 表头=指标 的形式</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="60" />
        <source>--date {text!r} is not a date; expected YYYY-MM-DD</source>
        <translation>--date {text!r} 不是日期；应为 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="69" />
        <source>{file}: even on the show's date it runs from {start} to {end}, not during the show ({show_start} to {show_end}); only --keep-dates imports it as it is</source>
        <translation>{file}：即使移到本场的日期，它也是从 {start} 到 {end}，不在直播时间内（{show_start} 至 {show_end}）；只有 --keep-dates 能按原样导入</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="77" />
        <source>{file} runs from {start} to {end}, not during the show ({show_start} to {show_end}); give --shift-to-show-date to move it onto {show_day}, or --keep-dates to import it as it is</source>
        <translation>{file} 的时间是 {start} 到 {end}，不在直播时间内（{show_start} 至 {show_end}）；加 --shift-to-show-date 把它移到 {show_day}，或加 --keep-dates 按原样导入</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="92" />
        <location filename="../../cli/metrics.py" line="195" />
        <source>{n} minute</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="93" />
        <location filename="../../cli/metrics.py" line="196" />
        <source>{n} minutes</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="97" />
        <source> from {file}</source>
        <translation>，来自 {file}</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="99" />
        <source> (imported {when})</source>
        <translation>（导入于 {when}）</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="101" />
        <source>; a backup of the database is made first</source>
        <translation>；替换前会先备份数据库</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="106" />
        <source>show {show_id} has {minutes} of metrics already{origin}; give --replace to replace them with this file{backup}</source>
        <translation>第 {show_id} 场已有 {minutes} 的数据{origin}；加 --replace 用这个文件替换{backup}</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="187" />
        <location filename="../../cli/products.py" line="98" />
        <source>by header names</source>
        <translation>按表头名称</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="190" />
        <source>{n} row</source>
        <translation>{n} 行</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="191" />
        <source>{n} rows</source>
        <translation>{n} 行</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="200" />
        <source>{rows}, {minutes} from {start} to {end}; {encoding}; layout: {preset}</source>
        <translation>{rows}，{minutes}，从 {start} 到 {end}；{encoding}；格式：{preset}</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="221" />
        <source>metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="222" />
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="223" />
        <source>max</source>
        <translation>最高</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="224" />
        <source>at</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="234" />
        <source>columns: {columns}</source>
        <translation>列：{columns}</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="238" />
        <source>dates moved by {days:+d} day onto the show's date</source>
        <translation>日期移动了 {days:+d} 天，移到本场的日期</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="240" />
        <source>dates moved by {days:+d} days onto the show's date</source>
        <translation>日期移动了 {days:+d} 天，移到本场的日期</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="243" />
        <location filename="../../cli/products.py" line="145" />
        <source>warning: {text}</source>
        <translation>警告：{text}</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="247" />
        <location filename="../../cli/products.py" line="149" />
        <source>stored</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="249" />
        <location filename="../../cli/products.py" line="151" />
        <source>not stored (--dry-run)</source>
        <translation>未保存（--dry-run）</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="41" />
        <source>--lag must be 0 to {max} minutes, not {lag}</source>
        <translation>--lag 须为 0 到 {max} 分钟，而不是 {lag}</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="49" />
        <source>{name}: a report is written as .pdf, .html or .xlsx</source>
        <translation>{name}：报告可写成 .pdf、.html 或 .xlsx</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="472" />
        <location filename="../../cli/reviews.py" line="62" />
        <location filename="../../cli/scripts.py" line="80" />
        <source>wrote {file}</source>
        <translation>已写入 {file}</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="283" />
        <source>as they ran (live run)</source>
        <translation>按实际运行（直播记录）</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="285" />
        <source>as planned</source>
        <translation>按计划</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="287" />
        <source>{missing} missing</source>
        <translation>缺 {missing} 分钟</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="290" />
        <source>{missing} of the show's {minutes} missing</source>
        <translation>本场 {minutes} 分钟中缺 {missing} 分钟</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="296" />
        <source>{title} (show {show_id}): segment times {source}, sales credited {lag} min after the pitch</source>
        <translation>{title}（第 {show_id} 场）：环节时间{source}，成交计入讲解后 {lag} 分钟</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="307" />
        <source>GMV {gmv}  orders {orders}  peak viewers {peak}  minutes {minutes} ({missing})</source>
        <translation>成交金额 {gmv}  订单 {orders}  最高在线 {peak}  分钟 {minutes}（{missing}）</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="319" />
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="320" />
        <source>met</source>
        <translation>达成</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="321" />
        <source>missed</source>
        <translation>未达成</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="326" />
        <source>  target {name}: {target} -&gt; {actual} ({state})</source>
        <translation>  目标 {name}：{target} -&gt; {actual}（{state}）</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="334" />
        <location filename="../../cli/shows.py" line="181" />
        <location filename="../../cli/shows.py" line="271" />
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="335" />
        <location filename="../../cli/shows.py" line="274" />
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="388" />
        <source>sold out</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="389" />
        <source>under 20 %</source>
        <translation>不足 20%</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="390" />
        <source>not in plan</source>
        <translation>不在计划中</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="395" />
        <source>sell-through</source>
        <translation>售罄率</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="397" />
        <source>gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="398" />
        <source>pitched in</source>
        <translation>讲解环节</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="401" />
        <source>Products:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <location filename="../../cli/products.py" line="124" />
        <location filename="../../cli/reviews.py" line="336" />
        <location filename="../../cli/reviews.py" line="396" />
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="337" />
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="338" />
        <source>GMV/min</source>
        <translation>每分钟成交</translation>
    </message>
    <message>
        <location filename="../../cli/advice.py" line="111" />
        <source>{title} (show {show_id}): advice from {count} earlier shows</source>
        <translation>{title}（第 {show_id} 场）：依据此前 {count} 场直播的建议</translation>
    </message>
    <message>
        <location filename="../../cli/advice.py" line="120" />
        <source>  shows {shows}; platform {platform}; starting {slot}</source>
        <translation>  场次 {shows}；平台 {platform}；开播时间 {slot}</translation>
    </message>
    <message>
        <location filename="../../cli/advice.py" line="122" />
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../cli/advice.py" line="123" />
        <source>at any time</source>
        <translation>不限时段</translation>
    </message>
    <message>
        <location filename="../../cli/advice.py" line="133" />
        <source>Projected GMV {mid} (range {low} to {high})</source>
        <translation>预计成交 {mid}（区间 {low} 至 {high}）</translation>
    </message>
    <message>
        <location filename="../../cli/advice.py" line="140" />
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../cli/advice.py" line="141" />
        <source>mid</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../cli/advice.py" line="142" />
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../cli/advice.py" line="143" />
        <location filename="../../cli/reviews.py" line="339" />
        <location filename="../../cli/runs.py" line="62" />
        <location filename="../../cli/shows.py" line="186" />
        <location filename="../../cli/shows.py" line="275" />
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../cli/advice.py" line="161" />
        <source>Suggestions:</source>
        <translation>建议：</translation>
    </message>
    <message>
        <location filename="../../cli/advice.py" line="164" />
        <source>No suggestions.</source>
        <translation>暂无建议。</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="348" />
        <source>before script</source>
        <translation>脚本之前</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="349" />
        <source>after script</source>
        <translation>脚本之后</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="359" />
        <source>{minutes} min of data, {stretch}</source>
        <translation>{minutes} 分钟数据，{stretch}</translation>
    </message>
    <message>
        <location filename="../../cli/runs.py" line="55" />
        <source>no runs of {title!r} yet</source>
        <translation>{title!r} 还没有运行记录</translation>
    </message>
    <message>
        <location filename="../../cli/runs.py" line="57" />
        <source>rehearsal</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../cli/runs.py" line="58" />
        <source>live</source>
        <translation>直播</translation>
    </message>
    <message>
        <location filename="../../cli/runs.py" line="63" />
        <source>planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../cli/runs.py" line="64" />
        <source>actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../cli/runs.py" line="65" />
        <source>+/- s</source>
        <translation>+/- 秒</translation>
    </message>
    <message>
        <location filename="../../cli/runs.py" line="69" />
        <source>not ended</source>
        <translation>未结束</translation>
    </message>
    <message>
        <location filename="../../cli/runs.py" line="71" />
        <source>run {id} ({kind}), {started} – {ended}</source>
        <translation>第 {id} 次运行（{kind}），{started} – {ended}</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="26" />
        <source>{file}: a show file keeps its own title, start, platform and time zone; --title, --start, --platform and --tz are for run sheets</source>
        <translation>{file}：直播文件自带标题、开始时间、平台和时区；--title、--start、--platform 和 --tz 只用于整场脚本</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="62" />
        <source>{name}: a script is written as .xlsx, .pdf or .json</source>
        <translation>{name}：脚本可写成 .xlsx、.pdf 或 .json</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="116" />
        <source>imported “{title}” as show {show_id}</source>
        <translation>已把“{title}”导入为第 {show_id} 场</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="121" />
        <source>read “{title}” (nothing stored)</source>
        <translation>已读取“{title}”（未保存）</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="123" />
        <source>{head}: {segments}, {products}, {people}, {promos}</source>
        <translation>{head}：{segments}，{products}，{people}，{promos}</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="127" />
        <location filename="../../cli/shows.py" line="239" />
        <source>{n} segment</source>
        <translation>{n} 个环节</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="128" />
        <location filename="../../cli/shows.py" line="240" />
        <source>{n} segments</source>
        <translation>{n} 个环节</translation>
    </message>
    <message>
        <location filename="../../cli/products.py" line="34" />
        <source>--map {text!r} is not HEADER=FIELD</source>
        <translation>--map {text!r} 不是 表头=字段 的形式</translation>
    </message>
    <message>
        <location filename="../../cli/products.py" line="87" />
        <source>{lines}, {matched} matched to the show's products; {encoding}; layout: {preset}</source>
        <translation>{lines}，其中 {matched} 个匹配到本场商品；{encoding}；格式：{preset}</translation>
    </message>
    <message>
        <location filename="../../cli/products.py" line="93" />
        <location filename="../../cli/scripts.py" line="132" />
        <source>{n} product</source>
        <translation>{n} 个商品</translation>
    </message>
    <message>
        <location filename="../../cli/products.py" line="94" />
        <location filename="../../cli/scripts.py" line="133" />
        <source>{n} products</source>
        <translation>{n} 个商品</translation>
    </message>
    <message>
        <location filename="../../cli/products.py" line="121" />
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../cli/products.py" line="123" />
        <location filename="../../cli/reviews.py" line="393" />
        <source>sold</source>
        <translation>成交件数</translation>
    </message>
    <message>
        <location filename="../../cli/products.py" line="125" />
        <source>refunds</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../cli/products.py" line="132" />
        <source>not matched: row {row}, {name}</source>
        <translation>未匹配：第 {row} 行，{name}</translation>
    </message>
    <message>
        <location filename="../../cli/products.py" line="141" />
        <source>left out as totals: rows {rows}</source>
        <translation>作为合计行略过：第 {rows} 行</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="137" />
        <source>{n} person</source>
        <translation>{n} 位成员</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="138" />
        <source>{n} people</source>
        <translation>{n} 位成员</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="142" />
        <source>{n} promo</source>
        <translation>{n} 个优惠</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="143" />
        <source>{n} promos</source>
        <translation>{n} 个优惠</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="149" />
        <source>  starts {start} on {platform}</source>
        <translation>  {start} 在 {platform} 开播</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="155" />
        <source>notices:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="158" />
        <source>not read into fields:</source>
        <translation>未读入字段的内容：</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="159" />
        <source>kept in the segment's notes</source>
        <translation>保留在环节备注中</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="160" />
        <source>left out</source>
        <translation>未导入</translation>
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="164" />
        <source>  row {row}, column “{column}”: {value} ({where})</source>
        <translation>  第 {row} 行，“{column}”列：{value}（{where}）</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="43" />
        <source>--start {text!r} is not a time; expected YYYY-MM-DD HH:MM</source>
        <translation>--start {text!r} 不是时间；应为 YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="56" />
        <source>--start {text!r} does not exist in {zone}: the clocks skip it</source>
        <translation>--start {text!r} 在 {zone} 不存在：时钟会跳过这个时间</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="71" />
        <source>added the demo show {show_id}</source>
        <translation>已添加示例直播，第 {show_id} 场</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="79" />
        <source>--title is empty; give the show a name</source>
        <translation>--title 为空；请给直播起个名字</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="83" />
        <source>--title is {length} characters long; at most {limit} fit</source>
        <translation>--title 有 {length} 个字符；最多 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="164" />
        <source>no show matches {search!r}</source>
        <translation>没有与 {search!r} 匹配的直播</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="166" />
        <source>no shows yet: `liveplanner demo` adds one to look at</source>
        <translation>还没有直播：`liveplanner demo` 可添加一场示例</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="180" />
        <source>id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="182" />
        <source>platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="183" />
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="184" />
        <source>segments</source>
        <translation>环节数</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="185" />
        <location filename="../../cli/shows.py" line="273" />
        <source>length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="272" />
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../cli/products.py" line="122" />
        <location filename="../../cli/reviews.py" line="404" />
        <location filename="../../cli/shows.py" line="276" />
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="277" />
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="394" />
        <location filename="../../cli/shows.py" line="278" />
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="279" />
        <source>host</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="284" />
        <source>content mix: {mix}</source>
        <translation>内容占比：{mix}</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="290" />
        <source>no findings: every limit holds</source>
        <translation>没有发现问题：所有限制都满足</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="292" />
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="293" />
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="302" />
        <source>{errors}, {warnings}</source>
        <translation>{errors}，{warnings}</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="304" />
        <source>{n} error</source>
        <translation>{n} 个错误</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="304" />
        <source>{n} errors</source>
        <translation>{n} 个错误</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="308" />
        <source>{n} warning</source>
        <translation>{n} 个警告</translation>
    </message>
    <message>
        <location filename="../../cli/shows.py" line="309" />
        <source>{n} warnings</source>
        <translation>{n} 个警告</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="48" />
        <source>{option} {text!r} is not a date; expected YYYY-MM-DD</source>
        <translation>{option} {text!r} 不是日期；应为 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="212" />
        <source>GMV {gmv} of target {target}</source>
        <translation>GMV {gmv}，目标 {target}</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="180" />
        <source>{n} shows to come; each needs {needed}</source>
        <translation>还有 {n} 场；每场需要 {needed}</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="176" />
        <source>no shows to come</source>
        <translation>没有待播场次</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="178" />
        <source>1 show to come; it needs {needed}</source>
        <translation>还有 1 场；需要 {needed}</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="190" />
        <source>{n} show without figures: its date has passed and no metrics were imported ({ids})</source>
        <translation>{n} 场没有数据：日期已过，未导入数据（{ids}）</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="193" />
        <source>{n} shows without figures: their dates have passed and no metrics were imported ({ids})</source>
        <translation>{n} 场没有数据：日期已过，未导入数据（{ids}）</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="201" />
        <source>reported</source>
        <translation>已有数据</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="202" />
        <source>to come</source>
        <translation>待播</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="203" />
        <source>no figures</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="223" />
        <location filename="../../cli/campaigns.py" line="416" />
        <location filename="../../cli/library.py" line="173" />
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="224" />
        <location filename="../../cli/campaigns.py" line="417" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="225" />
        <location filename="../../cli/library.py" line="251" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="227" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="228" />
        <location filename="../../cli/campaigns.py" line="421" />
        <location filename="../../cli/library.py" line="256" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="248" />
        <location filename="../../cli/library.py" line="250" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="250" />
        <source>So far</source>
        <translation>累计</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="251" />
        <source>Target so far</source>
        <translation>累计目标</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="311" />
        <source>added campaign {id}</source>
        <translation>已添加活动 {id}</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="325" />
        <source>nothing to change: give --title, --start, --end or a --target-NAME</source>
        <translation>没有要修改的内容：请给出 --title、--start、--end 或 --target-NAME</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="341" />
        <source>changed campaign {id}</source>
        <translation>已修改活动 {id}</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="349" />
        <source>campaign {id} counts {n} show</source>
        <translation>活动 {id} 共计 {n} 场</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="350" />
        <source>campaign {id} counts {n} shows</source>
        <translation>活动 {id} 共计 {n} 场</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="367" />
        <source>note: show {show} was in campaign {id} already</source>
        <translation>提示：场次 {show} 已在活动 {id} 中</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="380" />
        <source>warning: show {show} ({title}) is planned for {day}, outside the campaign's dates ({start} – {end}); it is counted</source>
        <translation>警告：场次 {show}（{title}）计划在 {day}，不在活动日期（{start} – {end}）内；仍计入活动</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="418" />
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="419" />
        <source>Shows</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="420" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="445" />
        <source>deleted campaign {id}</source>
        <translation>已删除活动 {id}</translation>
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="460" />
        <source>{name}: a campaign report is written as .pdf or .xlsx</source>
        <translation>{name}：活动报告只能写成 .pdf 或 .xlsx</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="46" />
        <source>saved team template {name}</source>
        <translation>已保存团队模板 {name}</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="55" />
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="56" />
        <source>Segments</source>
        <translation>环节数</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="57" />
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="58" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="59" />
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="60" />
        <source>By</source>
        <translation>保存人</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="85" />
        <source>deleted team template {name}</source>
        <translation>已删除团队模板 {name}</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="127" />
        <source>library product {id}: {name}</source>
        <translation>商品库商品 {id}：{name}</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="148" />
        <source>nothing to change: give --name, --sku, --cost or --list-price</source>
        <translation>没有要修改的内容：请给出 --name、--sku、--cost 或 --list-price</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="164" />
        <source>deleted library product {id}</source>
        <translation>已删除商品库商品 {id}</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="174" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="175" />
        <source>Link / SKU</source>
        <translation>链接号 / SKU</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="176" />
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="177" />
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="195" />
        <source>added {name} to show {show} as product {id}</source>
        <translation>已把 {name} 加入直播 {show}，商品编号 {id}</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="249" />
        <source>Show</source>
        <translation>场次设置</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="252" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="253" />
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="254" />
        <source>Sell-through</source>
        <translation>售罄率</translation>
    </message>
    <message>
        <location filename="../../cli/library.py" line="255" />
        <source>GMV/min pitched</source>
        <translation>讲解时每分钟成交</translation>
    </message>
    <message>
        <location filename="../../cli/sharing.py" line="53" />
        <source>Sharing the live desk of {title!r} on {url} (Ctrl+C stops):</source>
        <translation>正在 {url} 上共享“{title}”的直播中控（按 Ctrl+C 停止）：</translation>
    </message>
    <message>
        <location filename="../../cli/sharing.py" line="62" />
        <source>A collector posts JSON lines of the platform's figures to {url}</source>
        <translation>采集程序可把平台数据按 JSON 行提交到 {url}</translation>
    </message>
    <message>
        <location filename="../../cli/alerts.py" line="59" />
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../cli/alerts.py" line="62" />
        <source>online viewers down {drop} within {minutes} minutes</source>
        <translation>{minutes} 分钟内在线人数下降 {drop}</translation>
    </message>
    <message>
        <location filename="../../cli/alerts.py" line="71" />
        <source>GMV {behind} behind the pace to target</source>
        <translation>成交额落后目标进度 {behind}</translation>
    </message>
    <message>
        <location filename="../../cli/alerts.py" line="77" />
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../cli/alerts.py" line="80" />
        <source>Viewers drop: {what}</source>
        <translation>在线下降：{what}</translation>
    </message>
    <message>
        <location filename="../../cli/alerts.py" line="81" />
        <source>Pace: {what}</source>
        <translation>目标进度：{what}</translation>
    </message>
    <message>
        <location filename="../../cli/alerts.py" line="82" />
        <source>Flash sale sold out: {what}</source>
        <translation>秒杀售罄：{what}</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../ui/editor/commands.py" line="30" />
        <source>team member</source>
        <translation>团队成员</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="31" />
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="32" />
        <source>promo</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="33" />
        <source>cue</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="34" />
        <source>release</source>
        <translation>发放</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="19" />
        <source>The script is locked (%1), so nothing was changed: unlock it for editing first.</source>
        <translation>脚本已锁定（%1），未做任何修改：请先解锁编辑。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="27" />
        <source>This window is read-only (the database file cannot be written), so nothing was changed.</source>
        <translation>本窗口为只读（数据库文件不可写入），未做任何修改。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="32" />
        <source>This window is read-only (the database's folder cannot be written), so nothing was changed.</source>
        <translation>本窗口为只读（数据库所在的文件夹不可写入），未做任何修改。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="38" />
        <source>This window is read-only (another liveplanner has the database open), so nothing was changed.</source>
        <translation>本窗口为只读（另一个 liveplanner 已打开此数据库），未做任何修改。</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="44" />
        <source>That was deleted meanwhile (by someone else, or in another window), so nothing was changed.</source>
        <translation>其间它已被删除（他人或另一个窗口所删），未做任何修改。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="150" />
        <source>Someone else changed the %1 “%2” since; nothing was changed over it.</source>
        <translation>此后他人修改了%1“%2”；未覆盖对方的修改。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="219" />
        <source>Someone else changed the %1 “%2” meanwhile; their version was kept.</source>
        <translation>其间他人修改了%1“%2”；已保留对方的版本。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="240" />
        <source>segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="248" />
        <source>Edit segment</source>
        <translation>编辑环节</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="274" />
        <source>Set %1</source>
        <translation>设置%1</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="338" />
        <source>Move segments</source>
        <translation>移动环节</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="377" />
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="416" />
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="436" />
        <source>Delete %1</source>
        <translation>删除%1</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="451" />
        <source>Edit show</source>
        <translation>编辑场次</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="466" />
        <source>show</source>
        <translation>直播</translation>
    </message>
    <message>
        <location filename="../../ui/editor/advice_edits.py" line="39" />
        <location filename="../../ui/editor/segment_actions.py" line="23" />
        <source>Insert segment</source>
        <translation>插入环节</translation>
    </message>
    <message>
        <location filename="../../ui/editor/advice_edits.py" line="43" />
        <source>Apply advice</source>
        <translation>应用建议</translation>
    </message>
    <message>
        <location filename="../../ui/show_flow.py" line="69" />
        <source>New show</source>
        <translation>新建场次</translation>
    </message>
    <message>
        <location filename="../../ui/show_flow.py" line="85" />
        <source>Add demo show</source>
        <translation>添加演示场次</translation>
    </message>
    <message>
        <location filename="../../ui/show_flow.py" line="113" />
        <source>Duplicate show</source>
        <translation>复制场次</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="173" />
        <source>Delete show</source>
        <translation>删除场次</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321" />
        <source>Import script</source>
        <translation>导入脚本</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <location filename="../../ui/history_texts.py" line="22" />
        <source>show</source>
        <translation>直播</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="23" />
        <source>segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="24" />
        <source>cue</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="25" />
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="26" />
        <source>promo</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="27" />
        <source>release</source>
        <translation>发放</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="28" />
        <source>team member</source>
        <translation>团队成员</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="29" />
        <source>note</source>
        <translation>复盘笔记</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="96" />
        <source>Reordered the segments</source>
        <translation>调整了环节顺序</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="98" />
        <source>Imported metrics from %1</source>
        <translation>从 %1 导入了数据</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="102" />
        <source>Imported product figures from %1</source>
        <translation>从 %1 导入了商品数据</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="106" />
        <source>Created the show</source>
        <translation>创建了这场直播</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="111" />
        <source>Added %1</source>
        <translation>添加了%1</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="113" />
        <source>Removed %1</source>
        <translation>删除了%1</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="121" />
        <source>Changed %1: %2</source>
        <translation>修改了%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="134" />
        <source>Status: %1 → %2</source>
        <translation>状态：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="140" />
        <source>Unlocked the script for editing</source>
        <translation>解锁了脚本以便编辑</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="142" />
        <source>Locked the script again</source>
        <translation>重新锁定了脚本</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="146" />
        <source>Moved the show to the bin</source>
        <translation>把这场直播移入了回收站</translation>
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="148" />
        <source>Took the show back out of the bin</source>
        <translation>把这场直播从回收站移回</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="30" />
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31" />
        <source>Taobao Live</source>
        <translation>淘宝直播</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32" />
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33" />
        <source>TikTok Shop</source>
        <translation>TikTok Shop</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34" />
        <source>WeChat Channels</source>
        <translation>视频号</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99" />
        <source>Douyin E-commerce Compass · live minute data</source>
        <translation>抖音电商罗盘 · 直播分钟数据</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102" />
        <source>Douyin live big screen · running totals</source>
        <translation>抖音直播大屏 · 累计数据</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="105" />
        <source>Douyin · GMV per minute (room_id, session_date, time, gmv_min)</source>
        <translation>抖音 · 分钟成交 (room_id, session_date, time, gmv_min)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="108" />
        <source>Douyin · minute_trend (JSON)</source>
        <translation>抖音 · minute_trend (JSON)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="109" />
        <source>Taobao Live · console minute data</source>
        <translation>淘宝直播 · 中控台分钟数据</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="110" />
        <source>Kuaishou shop · live minute data</source>
        <translation>快手小店 · 直播分钟数据</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="111" />
        <source>TikTok Shop · LIVE Analytics</source>
        <translation>TikTok Shop · 直播数据分析</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112" />
        <source>Screen logger · 30-second running totals</source>
        <translation>大屏记录器 · 每 30 秒累计数据</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="25" />
        <location filename="../../ui/labels.py" line="35" />
        <location filename="../../ui/labels.py" line="72" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42" />
        <source>Approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43" />
        <source>Live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44" />
        <source>Done</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45" />
        <source>Reviewed</source>
        <translation>已复盘</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="18" />
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="19" />
        <source>Product intro</source>
        <translation>产品讲解</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="20" />
        <source>Coupon drop</source>
        <translation>发券</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="21" />
        <location filename="../../ui/labels.py" line="61" />
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="22" />
        <location filename="../../ui/labels.py" line="62" />
        <source>Lucky draw</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="23" />
        <source>Q&amp;A</source>
        <translation>答疑互动</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="24" />
        <source>Closing</source>
        <translation>收尾</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="9" />
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="10" />
        <source>Co-host</source>
        <translation>助播</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="11" />
        <source>Floor control</source>
        <translation>场控</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="12" />
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="13" />
        <source>Operations</source>
        <translation>运营</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="14" />
        <source>Tech</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60" />
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63" />
        <source>Gift</source>
        <translation>赠品</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69" />
        <source>Products</source>
        <translation>商品讲解</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70" />
        <source>Promotions</source>
        <translation>促销福利</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71" />
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="30" />
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="31" />
        <source>Entries</source>
        <translation>进入人数</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="32" />
        <source>Exits</source>
        <translation>离开人数</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="33" />
        <source>Views</source>
        <translation>观看人次</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="34" />
        <source>Unique viewers</source>
        <translation>观看人数</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="35" />
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="36" />
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="37" />
        <source>Buyers</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="38" />
        <source>Items sold</source>
        <translation>成交件数</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="39" />
        <source>Product clicks</source>
        <translation>商品点击</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="40" />
        <source>Comments</source>
        <translation>评论数</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="41" />
        <source>Likes</source>
        <translation>点赞数</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="42" />
        <source>Shares</source>
        <translation>分享数</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="43" />
        <source>New followers</source>
        <translation>新增粉丝</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="44" />
        <source>Ad spend</source>
        <translation>投放消耗</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="45" />
        <source>Added to cart</source>
        <translation>加购</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="46" />
        <source>Product exposures</source>
        <translation>商品曝光</translation>
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="47" />
        <source>Average watch time (s)</source>
        <translation>人均观看时长（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="129" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>script</name>
    <message>
        <location filename="../../ui/script/texts.py" line="16" />
        <source>— not read —</source>
        <translation>— 不读取 —</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="18" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="19" />
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="20" />
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="21" />
        <source>Segment kind</source>
        <translation>环节类型</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="22" />
        <source>Segment title</source>
        <translation>环节内容</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="23" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="24" />
        <source>Link no. / SKU</source>
        <translation>链接号 / 货号</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="25" />
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="26" />
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="27" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="28" />
        <source>Offers</source>
        <translation>优惠/福利</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="29" />
        <source>Talking points</source>
        <translation>话术要点</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="30" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="41" />
        <source>Row {row}, column “{column}”: “{value}” is kept in the segment's notes</source>
        <translation>第 {row} 行，“{column}”列：“{value}”已放入环节备注</translation>
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="45" />
        <source>Row {row}: “{value}” is no segment and was left out</source>
        <translation>第 {row} 行：“{value}”不是环节，已略过</translation>
    </message>
</context>
<context>
    <name>web</name>
    <message>
        <location filename="../../web/words.py" line="10" />
        <source>Live desk</source>
        <translation>直播中控</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="11" />
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="12" />
        <source>Co-host</source>
        <translation>助播</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="13" />
        <source>Floor control</source>
        <translation>场控</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="14" />
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="15" />
        <source>Ops</source>
        <translation>运营</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="16" />
        <source>Tech</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="17" />
        <source>Viewer (read only)</source>
        <translation>查看（只读）</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="18" />
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="19" />
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="20" />
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="21" />
        <source>Overtime</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="22" />
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="23" />
        <source>No run is open: the plan, counting nothing</source>
        <translation>没有进行中的计时：显示计划，不计数</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="24" />
        <source>Rehearsal</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="25" />
        <source>Live</source>
        <translation>正式直播</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="27" />
        <source>Last segment</source>
        <translation>最后一个环节</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="28" />
        <source>Cues</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="29" />
        <source>Release checklist</source>
        <translation>上架 / 发放清单</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="30" />
        <source>Nothing due</source>
        <translation>暂无待办</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="31" />
        <source>Products and promos</source>
        <translation>商品和优惠</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="32" />
        <source>None in this segment</source>
        <translation>本环节没有</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="33" />
        <source>Stock left</source>
        <translation>剩余库存</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="34" />
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="35" />
        <source>Released</source>
        <translation>已放出</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="36" />
        <source>Claimed</source>
        <translation>已领取</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="37" />
        <source>Sold out</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="38" />
        <source>Mark sold out</source>
        <translation>标记售罄</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="39" />
        <source>Released +</source>
        <translation>追加放出 +</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="40" />
        <source>units</source>
        <translation>件</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="41" />
        <source>Last ticks</source>
        <translation>最近勾选</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="42" />
        <source>No ticks yet</source>
        <translation>还没有勾选</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="43" />
        <source>Sold out — move on</source>
        <translation>已售罄 — 进入下一环节</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="44" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="45" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="46" />
        <source>in {time}</source>
        <translation>{time} 后</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="47" />
        <source>{time} ago</source>
        <translation>{time} 前</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="48" />
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="49" />
        <source>Cue</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="56" />
        <source>Lucky draw</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="58" />
        <source>The show's figures</source>
        <translation>本场数据</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="59" />
        <source>GMV so far</source>
        <translation>累计成交额</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="60" />
        <source>GMV so far (yuan)</source>
        <translation>累计成交额（元）</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="61" />
        <source>Pace to target</source>
        <translation>目标进度</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="62" />
        <source>Online now</source>
        <translation>当前在线</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="63" />
        <source>Send</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="64" />
        <source>Feed: {lines} lines</source>
        <translation>数据源：{lines} 行</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="65" />
        <source>Feed: {bad} of {lines} lines refused</source>
        <translation>数据源：{lines} 行中 {bad} 行被拒绝</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="66" />
        <source>No feed yet: figures come from a collector, a file or floor control</source>
        <translation>还没有数据：可来自采集程序、日志文件或场控录入</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="54" />
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="26" />
        <source>Next: {title} ({time})</source>
        <translation>下一个：{title}（{time}）</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="50" />
        <source>Put on the shelf</source>
        <translation>上架</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="51" />
        <source>Set the price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="52" />
        <source>Release coupons</source>
        <translation>发券</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="53" />
        <source>Start the draw</source>
        <translation>开抽</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="55" />
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <location filename="../../web/words.py" line="57" />
        <source>Gift</source>
        <translation>赠品</translation>
    </message>
</context>
</TS>