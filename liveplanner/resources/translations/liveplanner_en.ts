<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="29" />
        <source>About liveplanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="36" />
        <source>Plan, rehearse, run and review live-stream shopping shows (直播带货).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="41" />
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="42" />
        <source>Qt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="43" />
        <source>Python</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="44" />
        <source>Data folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="45" />
        <source>Database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="46" />
        <source>Backups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="47" />
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="48" />
        <source>Log file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="57" />
        <source>Free software under the MIT licence. Your shows stay in your own database.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="63" />
        <source>&amp;Copy details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="66" />
        <source>Open &amp;log folder</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AdvicePanel</name>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="78" />
        <source>Working out the advice…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="82" />
        <source>No suggestions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="139" />
        <source>No advice: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="151" />
        <source>No projection: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/advice_panel.py" line="158" />
        <source>Projected GMV %1 (low %2, high %3), from %n earlier show(s): %4</source>
        <translation>
            <numerusform>Projected GMV %1 (low %2, high %3), from %n earlier show: %4</numerusform><numerusform>Projected GMV %1 (low %2, high %3), from %n earlier shows: %4</numerusform></translation>
    </message>
</context>
<context>
    <name>AlertsDialog</name>
    <message>
        <location filename="../../ui/alerts_dialog.py" line="35" />
        <source>Live alerts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alerts_dialog.py" line="42" />
        <source> min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alerts_dialog.py" line="46" />
        <source>A flash sale &amp;sold out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alerts_dialog.py" line="51" />
        <source>Online viewers &amp;down by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alerts_dialog.py" line="52" />
        <source>&amp;within</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alerts_dialog.py" line="53" />
        <source>GMV &amp;behind the pace by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alerts_dialog.py" line="62" />
        <source>While a run is open, the live feed raises these on every screen and writes them to the run's log. 0 % turns an alert off.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BackupSchedule</name>
    <message>
        <location filename="../../ui/backup_schedule.py" line="35" />
        <source>Backup failed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../ui/backups_dialog.py" line="36" />
        <source>Backups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="39" />
        <source>Backups of %1, kept in %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="46" />
        <source>Made</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="46" />
        <source>Why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="46" />
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="55" />
        <source>All of today's and yesterday's backups are kept, then the newest of each of the last 12 days, 10 weeks and 9 months.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="61" />
        <source>Back up now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="62" />
        <source>Restore…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="78" />
        <source>Made by hand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="80" />
        <source>Before a restore</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="82" />
        <source>While you worked (every 30 minutes after a change)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="84" />
        <source>On closing liveplanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="86" />
        <source>Before an upgrade of the database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="88" />
        <source>Before a show was deleted for good</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="90" />
        <source>Before a show's metrics were imported again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="114" />
        <location filename="../../ui/backups_dialog.py" line="138" />
        <source>Not done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="125" />
        <source>Restore</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="127" />
        <source>Put the backup of %1 in place of the database? Everything since then is replaced; the database as it is now is backed up first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="148" />
        <source>The backup of %1 is an empty file (0 bytes), not a liveplanner database. Nothing was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/backups_dialog.py" line="153" />
        <source>The backup of %1 is not a liveplanner database: it is empty, damaged or another program's. Nothing was changed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../ui/review/campaign_chart.py" line="32" />
        <source>Target pace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_chart.py" line="41" />
        <location filename="../../ui/review/campaign_dialog.py" line="188" />
        <source>GMV so far</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="139" />
        <location filename="../../ui/review/campaign_dialog.py" line="148" />
        <source>Campaigns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="143" />
        <source>&amp;New</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="145" />
        <source>&amp;Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="158" />
        <source>e.g. Double 11 big promotion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="165" />
        <source>yuan, e.g. 200万</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="166" />
        <source>&amp;Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="172" />
        <location filename="../../ui/review/campaign_dialog.py" line="215" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="174" />
        <source>GMV target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="176" />
        <source>From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="178" />
        <source>to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="189" />
        <source>Target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="190" />
        <source>Still to reach</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="191" />
        <source>Shows to come</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="192" />
        <source>Each needs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="193" />
        <source>Orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="194" />
        <source>ROI</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="195" />
        <source>UV value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="213" />
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="214" />
        <location filename="../../ui/review/campaign_dialog.py" line="233" />
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="216" />
        <location filename="../../ui/review/campaign_dialog.py" line="233" />
        <location filename="../../ui/review/campaign_dialog.py" line="235" />
        <location filename="../../ui/review/campaign_dialog.py" line="238" />
        <source>GMV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="217" />
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="220" />
        <source>&amp;Add shows…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="222" />
        <source>&amp;Remove show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="233" />
        <location filename="../../ui/review/campaign_dialog.py" line="238" />
        <location filename="../../ui/review/campaign_dialog.py" line="274" />
        <source>Shows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="235" />
        <source>Segment kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="235" />
        <source>Segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="235" />
        <source>GMV / min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="238" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="238" />
        <source>Sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="268" />
        <source>Saved with Save; an empty field sets no target.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="273" />
        <source>Progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="275" />
        <source>What earned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="276" />
        <source>Targets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="292" />
        <source>&amp;Export campaign report…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/review/campaign_dialog.py" line="373" />
        <source>%n without figures</source>
        <translation>
            <numerusform>%n without figures</numerusform><numerusform>%n without figures</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="330" />
        <source>reported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="331" />
        <source>to come</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="332" />
        <source>no figures: date passed, no metrics imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="338" />
        <source>outside the campaign's dates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="489" />
        <source>Delete campaign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="490" />
        <source>Delete the campaign “%1”? Its shows stay as they are.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="547" />
        <source>%1 per minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="558" />
        <source>Best segment kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="562" />
        <source>Worst segment kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="566" />
        <source>Best product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="570" />
        <source>Worst product</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CampaignReport</name>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="50" />
        <source>GMV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="51" />
        <location filename="../../ui/review/campaign_report.py" line="146" />
        <location filename="../../ui/review/campaign_report.py" line="367" />
        <source>Viewers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="52" />
        <source>Conversion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="53" />
        <source>New followers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="54" />
        <source>Interaction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="55" />
        <location filename="../../ui/review/campaign_report.py" line="150" />
        <location filename="../../ui/review/campaign_report.py" line="374" />
        <source>UV value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="56" />
        <source>Order value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="57" />
        <source>GPM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="58" />
        <location filename="../../ui/review/campaign_report.py" line="148" />
        <location filename="../../ui/review/campaign_report.py" line="370" />
        <source>ROI</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="59" />
        <source>Gross profit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="60" />
        <source>Margin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="61" />
        <source>Net GMV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="62" />
        <source>Average watch time (s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="63" />
        <source>Ad spend at most</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="64" />
        <source>Refunds at most</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="85" />
        <location filename="../../ui/review/campaign_report.py" line="488" />
        <source>met</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="87" />
        <source>short by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="131" />
        <location filename="../../ui/review/campaign_report.py" line="354" />
        <source>GMV so far</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="132" />
        <location filename="../../ui/review/campaign_report.py" line="253" />
        <location filename="../../ui/review/campaign_report.py" line="355" />
        <location filename="../../ui/review/campaign_report.py" line="476" />
        <source>Target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="134" />
        <location filename="../../ui/review/campaign_report.py" line="356" />
        <source>Still to reach</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="138" />
        <location filename="../../ui/review/campaign_report.py" line="357" />
        <source>Shows to come</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="142" />
        <location filename="../../ui/review/campaign_report.py" line="363" />
        <source>Each needs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="145" />
        <location filename="../../ui/review/campaign_report.py" line="366" />
        <source>Orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="147" />
        <location filename="../../ui/review/campaign_report.py" line="368" />
        <source>Ad spend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="160" />
        <source>1 show; the target is all its own.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="162" />
        <source>%1 shows; the target is spread evenly over them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="173" />
        <source>What earned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="176" />
        <location filename="../../ui/review/campaign_report.py" line="201" />
        <location filename="../../ui/review/campaign_report.py" line="236" />
        <location filename="../../ui/review/campaign_report.py" line="391" />
        <location filename="../../ui/review/campaign_report.py" line="434" />
        <location filename="../../ui/review/campaign_report.py" line="466" />
        <source>Shows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="180" />
        <location filename="../../ui/review/campaign_report.py" line="393" />
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="181" />
        <location filename="../../ui/review/campaign_report.py" line="200" />
        <location filename="../../ui/review/campaign_report.py" line="394" />
        <location filename="../../ui/review/campaign_report.py" line="433" />
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="182" />
        <location filename="../../ui/review/campaign_report.py" line="349" />
        <location filename="../../ui/review/campaign_report.py" line="395" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="184" />
        <location filename="../../ui/review/campaign_report.py" line="397" />
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="197" />
        <location filename="../../ui/review/campaign_report.py" line="431" />
        <source>By platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="211" />
        <location filename="../../ui/review/campaign_report.py" line="444" />
        <source>By segment kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="214" />
        <location filename="../../ui/review/campaign_report.py" line="446" />
        <source>Segment kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="215" />
        <location filename="../../ui/review/campaign_report.py" line="447" />
        <source>Segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="217" />
        <location filename="../../ui/review/campaign_report.py" line="449" />
        <source>GMV / min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="232" />
        <location filename="../../ui/review/campaign_report.py" line="463" />
        <source>By product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="235" />
        <location filename="../../ui/review/campaign_report.py" line="465" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="237" />
        <location filename="../../ui/review/campaign_report.py" line="467" />
        <source>Sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="248" />
        <location filename="../../ui/review/campaign_report.py" line="474" />
        <source>Targets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="254" />
        <location filename="../../ui/review/campaign_report.py" line="477" />
        <source>Aim</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="255" />
        <location filename="../../ui/review/campaign_report.py" line="478" />
        <source>Result</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="256" />
        <location filename="../../ui/review/campaign_report.py" line="479" />
        <source>Against target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="351" />
        <source>Dates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="359" />
        <source>Shows without figures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="382" />
        <source>Summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="384" />
        <source>Figure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="385" />
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="412" />
        <source>Pace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="414" />
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="416" />
        <source>So far</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="417" />
        <source>Target so far</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="490" />
        <source>not met</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="515" />
        <source>Export campaign report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="517" />
        <source>PDF report (*.pdf);;Spreadsheet (*.xlsx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="529" />
        <source>Not done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_report.py" line="530" />
        <source>Could not write %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="43" />
        <source>Compare shows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="45" />
        <source>All platforms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="54" />
        <source>Compare</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="58" />
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="60" />
        <source>From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="62" />
        <source>to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="71" />
        <source>Segment kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="76" />
        <source>Time slot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="89" />
        <source>GMV (yuan)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="90" />
        <source>GMV per minute (yuan)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="111" />
        <source>Shows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="112" />
        <source>Trend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="113" />
        <source>What earns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/compare_dialog.py" line="149" />
        <source>%1 shows, %2 with minute metrics; sales credited %3 min after the pitch.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="49" />
        <source>Changed by someone else</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="54" />
        <source>Someone else changed the %1 “%2” while you were editing it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="61" />
        <source>Choose whose value to keep for each field. Where they changed a field too, theirs is chosen; where they did not, yours is.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="71" />
        <source>Field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="71" />
        <source>Was</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="71" />
        <source>Theirs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="71" />
        <source>Yours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="104" />
        <source>Keep theirs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="105" />
        <source>Keep mine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/conflict_dialog.py" line="106" />
        <source>Use my choices</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CountedNames</name>
    <message numerus="yes">
        <location filename="../../ui/editor/commands.py" line="313" />
        <source>Delete %n segment(s)</source>
        <translation>
            <numerusform>Delete %n segment</numerusform><numerusform>Delete %n segments</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/commands.py" line="316" />
        <source>Duplicate %n segment(s)</source>
        <translation>
            <numerusform>Duplicate %n segment</numerusform><numerusform>Duplicate %n segments</numerusform></translation>
    </message>
</context>
<context>
    <name>CountersPanel</name>
    <message>
        <location filename="../../ui/desk/counters_panel.py" line="69" />
        <source>stock %1 · sold %2 · left %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/counters_panel.py" line="82" />
        <source>released %1 · claimed %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/counters_panel.py" line="100" />
        <source>SOLD OUT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/counters_panel.py" line="129" />
        <source>Sold %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/counters_panel.py" line="143" />
        <source>Sold out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/counters_panel.py" line="150" />
        <source>+%1 released</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash_dialog.py" line="34" />
        <source>liveplanner: unexpected problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="36" />
        <source>liveplanner hit an unexpected problem and stopped what it was doing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="39" />
        <source>Your work is saved: every change is written to the database when you make it. liveplanner keeps running; if a screen looks wrong, go back to the show list and open the show again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="45" />
        <source>What you were typing in the open box may not have been kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="48" />
        <source>The details are in %1. Please send that file, with a word on what you were doing, to whoever looks after liveplanner for you.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="55" />
        <source>Open the log &amp;folder</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CueCards</name>
    <message numerus="yes">
        <location filename="../../ui/printing/cue_cards.py" line="32" />
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform><numerusform>%n segments</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/printing/cue_cards.py" line="32" />
        <source>%n cue(s)</source>
        <translation>
            <numerusform>%n cue</numerusform><numerusform>%n cues</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="70" />
        <source>(everyone)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="90" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="91" />
        <source>Segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="92" />
        <source>Your cues</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="121" />
        <source>No one on the team has this role: give this card to whoever does it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="136" />
        <source>%1 · %2 · first at %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="146" />
        <source>Nothing in this script is for %1 yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="160" />
        <source>Cue card: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="168" />
        <source>Cue cards</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/cue_cards.py" line="169" />
        <source>No one is on the team yet: add people under Team to print their cue cards.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <location filename="../../ui/database_dialog.py" line="48" />
        <source>Database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="54" />
        <source>This computer (SQLite file, no server)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="55" />
        <source>Team server (PostgreSQL)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="65" />
        <source>e.g. db.example.com or 192.168.1.20</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="75" />
        <source>saved in the system keyring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="76" />
        <source>Save password in the system keyring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="84" />
        <source>This computer has no system keyring: a password typed here serves until liveplanner closes. To connect at start without typing it, put it in ~/.pgpass or LIVEPLANNER_DATABASE_URL.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="90" />
        <source>Test connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="104" />
        <source>Host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="105" />
        <source>Port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="106" />
        <source>Database name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="107" />
        <source>User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="108" />
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="118" />
        <source>Your name in the change history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="137" />
        <source>LIVEPLANNER_DATABASE_URL is set: when liveplanner starts, it opens that database instead of the one chosen here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="215" />
        <source>Connecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="235" />
        <source>Connected to PostgreSQL %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="238" />
        <source>The database has no liveplanner tables yet: they will be set up on first connect.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="242" />
        <source>The database has no liveplanner tables yet, and this user may not create them: ask the server's administrator to grant CREATE on its schema.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="246" />
        <source>The database holds liveplanner's shows and is ready.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="249" />
        <source>The database was written by an older liveplanner: it will be upgraded on first connect (everyone on the team then needs this version).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="254" />
        <source>The database was written by a newer liveplanner (schema %1): update liveplanner before using it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="262" />
        <source>Could not connect: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="279" />
        <source>Password not saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/database_dialog.py" line="283" />
        <source>Untick “Save password in the system keyring” to go on without saving it.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DateAxis</name>
    <message>
        <location filename="../../ui/review/date_axis.py" line="17" />
        <source>Jan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="18" />
        <source>Feb</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="19" />
        <source>Mar</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="20" />
        <source>Apr</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="21" />
        <source>May</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="22" />
        <source>Jun</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="23" />
        <source>Jul</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="24" />
        <source>Aug</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="25" />
        <source>Sep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="26" />
        <source>Oct</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="27" />
        <source>Nov</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="28" />
        <source>Dec</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="31" />
        <source>Mon</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="32" />
        <source>Tue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="33" />
        <source>Wed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="34" />
        <source>Thu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="35" />
        <source>Fri</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="36" />
        <source>Sat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="37" />
        <source>Sun</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/date_axis.py" line="65" />
        <source>%1 %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DeskTexts</name>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="15" />
        <source>Cue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="16" />
        <source>Put on the shelf</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="17" />
        <source>Set the price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="18" />
        <source>Release coupons</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="19" />
        <source>Start the draw</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="29" />
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="38" />
        <source>in %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="42" />
        <source>now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_texts.py" line="43" />
        <source>%1 late</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="160" />
        <source>%1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="166" />
        <source>Last ticks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="167" />
        <source>Checklist and cues</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="168" />
        <source>Products and promos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="169" />
        <source>The show's figures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="174" />
        <source>Close this screen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="202" />
        <source>No run open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="202" />
        <source>Ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="205" />
        <source>LIVE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="205" />
        <source>REHEARSAL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="207" />
        <source>%1 · PAUSED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="216" />
        <source>No run is open: this screen shows the plan and counts nothing. Ticks start with the run (Run ▸ Rehearse or run…).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="222" />
        <source>The run is over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="227" />
        <source>Next: %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="231" />
        <source>Next: the end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="236" />
        <source>Nothing for this screen now or in the next two minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="244" />
        <source>No product or promo in this segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/desk_window.py" line="256" />
        <source>No ticks yet</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../../ui/desk/figures_panel.py" line="77" />
        <source>No figures yet: they come from the live feed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/figures_panel.py" line="86" />
        <source>GMV so far %1 · pace to target %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/figures_panel.py" line="97" />
        <source>Online now %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../ui/editor/panels.py" line="148" />
        <source>&amp;Assign a host…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/panels.py" line="150" />
        <source>Choose one person as host of every product intro that has none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/panels.py" line="186" />
        <source>Every limit holds.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/panels.py" line="206" />
        <source>Host of %n product intro(s): segments %1.</source>
        <translation>
            <numerusform>Host of %n product intro: segment %1.</numerusform><numerusform>Host of %n product intros: segments %1.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/editor/panels.py" line="209" />
        <source>Assign a host</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/panels.py" line="214" />
        <source>Assign %1 as host of %n segment(s)</source>
        <translation>
            <numerusform>Assign %1 as host of %n segment</numerusform><numerusform>Assign %1 as host of %n segments</numerusform></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/history_dialog.py" line="35" />
        <source>History of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="44" />
        <source>Find a person, a segment, a field…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="48" />
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="48" />
        <source>Who</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_dialog.py" line="48" />
        <source>What</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/history_dialog.py" line="62" />
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform><numerusform>%n changes</numerusform></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/library/models.py" line="91" />
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="92" />
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="93" />
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="94" />
        <source>Stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="95" />
        <source>Sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="96" />
        <source>Sell-through</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="97" />
        <source>GMV/min pitched</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HostDisplay</name>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="60" />
        <source>over/under %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="69" />
        <source>ends about %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="74" />
        <source>none yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="76" />
        <source>READY · Space starts the run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="77" />
        <source>PAUSED · Space resumes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="80" />
        <source>Sold out — move on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="86" />
        <source>The run is over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="107" />
        <source>the end of the show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="109" />
        <source>none in the next minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="134" />
        <source>now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="136" />
        <source>in %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="152" />
        <source>%1: flash sale ¥%2, %3 units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="154" />
        <source>%1: ¥%2, stock %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="160" />
        <source>%1 ×%2 at %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_display.py" line="165" />
        <source>no product or promo in this segment</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HostPresenter</name>
    <message>
        <location filename="../../ui/rehearsal/host_presenter.py" line="30" />
        <source>Screen %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_presenter.py" line="32" />
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HostView</name>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="54" />
        <source>LIVE: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="54" />
        <source>Rehearsal: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="64" />
        <source>LIVE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="64" />
        <source>REHEARSAL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="123" />
        <source>Flash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="124" />
        <source>Sound at warning and zero</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="127" />
        <source>Presenter screen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="108" />
        <source>Next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="109" />
        <source>Cues due soon</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="110" />
        <source>Product and promos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="116" />
        <source>A note for the log (N; Enter logs it)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="120" />
        <source>Message to the presenter screen, e.g. wrap up (M; Enter sends it)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="126" />
        <source>The screen the presenter screen fills</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="243" />
        <source>Start or pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="249" />
        <source>Next segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="255" />
        <source>Previous segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="261" />
        <source>%1 s more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="267" />
        <source>%1 s less</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="273" />
        <source>Type a note for the log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="279" />
        <source>Type a message to the presenter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="285" />
        <source>Open the presenter screen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="245" />
        <source>Space</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="111" />
        <source>Last ticks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="245" />
        <source>start/pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="251" />
        <source>next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="257" />
        <source>previous</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="263" />
        <source>%1 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="275" />
        <source>note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="281" />
        <source>message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="287" />
        <source>presenter screen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="293" />
        <source>Esc</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="293" />
        <source>leave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="337" />
        <source>Not saved yet, kept and retried with the next action: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="395" />
        <location filename="../../ui/rehearsal/host_view.py" line="398" />
        <location filename="../../ui/rehearsal/host_view.py" line="450" />
        <source>End the run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="396" />
        <source>This is the last segment. End the run now?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="399" />
        <source>Keep running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="446" />
        <source>The run is still open. End it now, or leave it open and resume it later with Run ▸ Rehearse or run (F5).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="451" />
        <source>Leave it open to resume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="452" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/host_view.py" line="291" />
        <location filename="../../ui/rehearsal/host_view.py" line="444" />
        <source>Leave the timer</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ImportDialogLayout</name>
    <message>
        <location filename="../../ui/review/import_layout.py" line="42" />
        <source>A CSV, XLSX or JSON export from the platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="43" />
        <source>&amp;Choose file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="50" />
        <source>Recognise from the headers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="60" />
        <source>As the layout says</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="61" />
        <source>Highest reading of the minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="62" />
        <source>Last reading of the minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="73" />
        <source>File:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="74" />
        <source>Layout:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="75" />
        <source>Date for times without one:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="76" />
        <source>Time zone of the file:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="77" />
        <source>Online viewers per minute:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="105" />
        <source>Import it as it is (its minutes fall outside every segment)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="124" />
        <source>Column in the file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="124" />
        <source>Read as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="136" />
        <source>Columns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="137" />
        <source>Preview: the first rows as read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="146" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="157" />
        <source>&amp;Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_layout.py" line="170" />
        <source>Warnings</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="56" />
        <source>Product library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="68" />
        <source>yuan, such as 59.9</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="70" />
        <source>&amp;Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="71" />
        <source>&amp;Link / SKU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="72" />
        <source>List &amp;price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="73" />
        <source>C&amp;ost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="74" />
        <source>No&amp;tes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="75" />
        <source>&amp;Save changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="89" />
        <source>&amp;Add</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="91" />
        <source>&amp;Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="93" />
        <source>Add to &amp;this show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="96" />
        <source>Open a show in the editor to add products to it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="99" />
        <source>Add to “%1” (Undo takes it out)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="184" />
        <source>History across shows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="193" />
        <source>History of “%1” (shows: %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="224" />
        <source>New product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/library_dialog.py" line="269" />
        <source>Added to “%1”</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../ui/library/models.py" line="51" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="51" />
        <source>Link / SKU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="51" />
        <source>List price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/models.py" line="51" />
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LockBar</name>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="43" />
        <source>Read-only: another liveplanner has this database open. You can look, print and export here, but not change anything.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="52" />
        <source>%1: the script is locked, so nothing in it changes by accident. Unlock it to make a change; the unlock is recorded in the show's history.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="56" />
        <source>Unlock for editing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="62" />
        <source>%1, unlocked for editing: changes reach the host's cards and cues at once. It locks again at the next status change.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="66" />
        <source>Lock again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="83" />
        <source>Unlock the script of “%1” for editing?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="85" />
        <source>The show is live. A change to a segment moves the timer's times and the host's cues while the show runs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="91" />
        <source>The show is %1: it was signed off as it is.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="96" />
        <source>Unlock the script</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/lock_bar.py" line="99" />
        <source>Your name and the time are recorded in the show's history.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_menus.py" line="34" />
        <source>Add &amp;demo show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="55" />
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="27" />
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92" />
        <location filename="../../ui/main_window.py" line="392" />
        <source>Opening the database…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="29" />
        <source>&amp;New show…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="37" />
        <source>&amp;Open show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="40" />
        <source>D&amp;uplicate show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="43" />
        <source>De&amp;lete show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="46" />
        <source>&amp;Back to shows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="49" />
        <source>Bac&amp;kups…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="52" />
        <source>D&amp;atabase…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="68" />
        <source>&amp;Import script…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="77" />
        <source>&amp;Export script…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="82" />
        <source>&amp;Print run sheet…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="87" />
        <source>Print &amp;cue cards…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="92" />
        <source>Save as &amp;team template…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="111" />
        <source>P&amp;references…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="119" />
        <source>&amp;Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="121" />
        <source>&amp;Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="125" />
        <source>&amp;Redo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="133" />
        <source>&amp;Find shows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="139" />
        <source>Show &amp;history…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="144" />
        <source>Product &amp;library…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="149" />
        <source>&amp;Segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="151" />
        <source>&amp;Run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="153" />
        <source>&amp;Rehearse or run…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="156" />
        <source>Rehearsal re&amp;sults…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="161" />
        <source>S&amp;hare screens…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="166" />
        <source>Ro&amp;le screens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="170" />
        <source>&amp;Host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="171" />
        <source>&amp;Co-host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="172" />
        <source>&amp;Floor control</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="175" />
        <source>C&amp;ustomer service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="177" />
        <source>&amp;Operations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="181" />
        <source>&amp;Person…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="189" />
        <source>Live &amp;alerts…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="193" />
        <source>Revie&amp;w</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="195" />
        <source>&amp;Review show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="198" />
        <source>Back to the &amp;script</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="203" />
        <source>&amp;Import metrics…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="208" />
        <source>Import &amp;product figures…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="212" />
        <source>&amp;Export report…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="217" />
        <source>&amp;Compare shows…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="221" />
        <source>Ca&amp;mpaigns…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="253" />
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="254" />
        <source>&amp;Theme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="257" />
        <source>&amp;Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="258" />
        <source>&amp;Dark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="265" />
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="268" />
        <source>&amp;System</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="278" />
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="280" />
        <source>&amp;Welcome…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="284" />
        <source>&amp;About liveplanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240" />
        <source>read-only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/run_flow.py" line="43" />
        <source>This show has no segments yet: there is nothing to run.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="255" />
        <source>Imported %n minute values from %1</source>
        <translation>
            <numerusform>Imported %n minute value from %1</numerusform><numerusform>Imported %n minute values from %1</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265" />
        <source>A team database on PostgreSQL is backed up by its server, not here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269" />
        <source>End the run on the timer before restoring a backup.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274" />
        <source>This window is read-only: the liveplanner that has the database open makes and restores its backups.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289" />
        <source>End the run on the timer before changing the database.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="230" />
        <source>liveplanner goes on with the database it had open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298" />
        <source>Now using %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review_flow.py" line="44" />
        <source>%1 — review — liveplanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_flow.py" line="104" />
        <source>%1 (copy)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364" />
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="365" />
        <source>The new language takes effect when liveplanner starts next.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_flow.py" line="60" />
        <source>Your shows are kept on this computer, in %1. File ▸ Database… connects to a team's server instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_flow.py" line="65" />
        <source>Your shows are kept in the team's database %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_flow.py" line="99" />
        <source>Takes effect when liveplanner starts next.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423" />
        <source>not open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="428" />
        <source>by the team's server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="436" />
        <source>Not done</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="250" />
        <source>%n show(s)</source>
        <translation>
            <numerusform>%n show</numerusform><numerusform>%n shows</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/products_flow.py" line="31" />
        <source>Imported product figures from %1 (%2 rows)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library_flow.py" line="43" />
        <source>Saved team template “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk_flow.py" line="44" />
        <source>This show has no people yet: add the team first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk_flow.py" line="50" />
        <source>Person's screen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk_flow.py" line="51" />
        <source>Whose screen:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/messages/findings.py" line="14" />
        <source>Promo “{promo}”: segments release {released}, only {quantity} available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="17" />
        <source>Product “{product}”: flash sales need {units} units, stock for the show is {stock}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="21" />
        <source>Promo “{promo}” can cost {exposure} yuan, over its budget of {budget}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="24" />
        <source>“{product}” at {price} yuan is under its price floor of {floor}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="27" />
        <source>“{product}” is {discount} off its list price, over the maximum discount of {maximum}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="31" />
        <source>Coupon “{promo}” takes the price to {price} yuan, under the floor of {floor}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="34" />
        <source>Coupon “{promo}” is worth as much as its threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="37" />
        <source>Segment {position} “{title}”: a product intro with no product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="40" />
        <source>Segment {position} “{title}”: no host, and the team has none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="43" />
        <source>Segments {segments}: no host, and the team has none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="46" />
        <source>{count} product intros have no host, and the team has none: segments {segments}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="50" />
        <source>Segment {position}: {person} is both {roles}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="53" />
        <source>Segment {position} “{title}” has no length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="54" />
        <source>Segment {position}: a cue at {offset} comes after the segment ends at {length}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="57" />
        <source>The script runs {over} past the hard stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="58" />
        <source>The script runs {over} past the planned end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="62" />
        <source>No benefit for {length}, {start} to {end} (segments {segments}); the show wants one every {every} minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="67" />
        <source>Segment {position} “{title}” starts {gap} after the benefit of segment {before_position} “{before_title}” ended; the show rests {rest} minutes between benefits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="72" />
        <source>Segment {position} “{title}”: a product intro of {length}, over the show's limit of {limit} minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="77" />
        <source>Segment {position} “{title}”: the offer on “{product}” is not right before or after its product intro</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="82" />
        <source>Content mix {actual} % (products / promotions / interaction) is off the show's target of {target} %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="90" />
        <source>{items} and {last}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="91" />
        <source>{items} and {more} more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="92" />
        <source>, </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="93" />
        <source> and </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/findings.py" line="94" />
        <source>{position} “{title}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="28" />
        <source>expected such as 1234, 1,234.5, 1.2万, 3.5亿 or ¥99</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="31" />
        <source>expected such as 2025-11-11 20:05, 11-11 20:05, 20:05 or an Excel date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="37" />
        <source>{file} is {size_mb} MB; exports up to {limit_mb} MB can be imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="40" />
        <source>{file} is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="41" />
        <source>{file} is a folder; expected a file to import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="44" />
        <source>{file} is a pipe or device; expected a file to import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="47" />
        <source>{file} holds binary data, not a CSV, XLSX or JSON export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="50" />
        <source>{file} cannot be read as CSV text ({detail}); save it again as CSV or XLSX</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="53" />
        <source>{file} is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="56" />
        <source>{file} is a web page, not a spreadsheet; open it in Excel and save it as .xlsx</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="60" />
        <source>{file} is named .xlsx but holds text; rename it .csv</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="63" />
        <source>{file} is an Excel workbook named .{extension}; rename it .xlsx</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="66" />
        <source>{file} cannot be opened as an Excel workbook ({detail})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="69" />
        <source>{file} inflates to {size_mb} MB of spreadsheet data; workbooks up to {limit_mb} MB inflated can be imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="74" />
        <source>{file} cannot be opened as an Excel workbook (its part {member} is compressed {ratio} to 1; a spreadsheet is at most {limit} to 1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="79" />
        <source>{file}, sheet “{sheet}”: more than {limit} rows; an export or a run sheet has a few thousand at most: split the file or delete the empty rows below the data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="84" />
        <source>{file}, row {row}: more than {limit} columns; no export is that wide</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="87" />
        <source>{file}, sheet “{sheet}”, row {row}: a value beyond column {limit}; no export is that wide</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="91" />
        <source>{file} is not a data export: its JSON is nested more than {limit} levels deep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="95" />
        <source>{file}, line {line}, column {column}: {value} is not a number JSON can hold; expected a number, text or null</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="100" />
        <source>{file}, row {row}, column “{column}”: the cell holds {kind}; expected a number, text or null</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="105" />
        <source>{file}, row {row}, column “{column}”: “{value}” is below zero; {metric} is a count or an amount, expected 0 or more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="110" />
        <source>{file}, minute {time} (rows {first_row} to {row}), column “{column}”: the rows add up to {value}, more than a show can sell or count in a minute; expected at most {limit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="116" />
        <source>{file}: every cell of {columns} is empty or “-”; there are no figures to import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="120" />
        <source>{file}: {count} of {rows} rows are more than a day from the show ({show_start} to {show_end}), the first in row {row} ({time}); is it this show's export?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="125" />
        <source>Rows more than a day from the show ({show_start} to {show_end}) left out: {count}, the first row {row} ({time})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="130" />
        <source>Rows more than a day from the show ({show_start} to {show_end}) stored as they are (--keep-dates): {count}, the first row {row} ({time}); the review counts them outside the script</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="136" />
        <source>{file}: its records have {count} different fields; an export has at most {limit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="140" />
        <source>{file}, sheet “{sheet}”, row {row}, column {column}: the cell holds more than {limit} characters, which no Excel cell can</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="145" />
        <source>{file} is not valid JSON (line {line}, column {column})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="148" />
        <source>{file} holds no list of per-minute records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="151" />
        <source>{file}, row {row}: {cells} cells where the header has {expected}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="154" />
        <source>{file}: no header row in its first {rows} rows; expected a row naming a time column (时间, Time …) above rows of times</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="159" />
        <source>{file} has a header but no data rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="160" />
        <source>{file}: none of the columns is a metric liveplanner knows ({columns}); choose what each column holds below</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="165" />
        <source>{file}: columns “{first}” and “{second}” are both {metric}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="168" />
        <source>{file}, row {row}, column “{column}”: the time is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="171" />
        <source>{file}, row {row}, column “{column}”: “{value}” is not a time; </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="174" />
        <source>{file}, row {row}, column “{column}”: “{value}” has no date; give the show's date above</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="178" />
        <source>{file}, row {row}, column “{column}”: “{value}” is not a number; </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="181" />
        <source>{file}, row {row}, column “{column}”: “{value}” is a percentage; a minute's {metric} is a count or an amount, not a share</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="186" />
        <source>{file}, row {row}, column “{column}”: “{value}” is not a time a show can have; expected a time in the years {first} to {last}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="191" />
        <source>{file}, row {row}, column “{column}”: “{value}” is more than a show can sell or count in a minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="196" />
        <location filename="../../app/messages/imports.py" line="274" />
        <source>{file}, row {row}: {time} comes before {previous} in row {previous_row}; the time runs backwards</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="201" />
        <source>{file}, rows {first_row} and {row}: two different rows for {time} (column “{column}”: {first_value} and {value})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="206" />
        <source>{file}, row {row}, column “{column}”: the running total falls from {previous} to {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="210" />
        <source>{count} rows repeat an earlier row exactly and were left out (first: row {row})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="214" />
        <source>Total row {row}, column “{column}”: {total}, but the rows add up to {sum} ({percent} apart)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="219" />
        <source>No rows for {count} minutes between the first and the last: {minutes}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="222" />
        <source>No rows for 1 minute between the first and the last: {minutes}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="225" />
        <source>Column “{column}”: {count} cells are empty or “-”, left empty (not zero)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="228" />
        <source>Column “{column}”: 1 cell is empty or “-”, left empty (not zero)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="231" />
        <source>Columns not imported: {columns}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="232" />
        <source>The file runs from {start} to {end}, outside the show ({show_start} to {show_end}): is it this show's export?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="237" />
        <source>{rows} rows for {minutes} minutes: per minute, counts and money are added up and {instants} keeps the {rule} reading</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="245" />
        <source>{file}: no header row in its first {rows} rows; expected a row naming columns such as 序号, 时间, 时长, 环节, 商品 (or No., Time, Duration, Segment, Product)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="250" />
        <source>the mapping has {given} columns, the sheet has {columns}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="253" />
        <source>{file}: no length (时长) and no start time (时间) column; map one of them to time the segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="258" />
        <source>{file}: the header is in row {row}, but no row under it holds a segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="261" />
        <source>{file}, row {row}, column “{column}”: “{value}” is not {what}; {expected}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="264" />
        <source>{file}, row {row}, column “{column}”: the length is empty and no start time follows to work it out from; give minutes (5), m:ss (5:30) or h:mm:ss</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="269" />
        <source>{file}, row {row}, column “{column}”: the start time is empty; without a length column every row needs its start time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="279" />
        <source>No date in the sheet: the show is put on {date}; change it if that is wrong</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="282" />
        <source>The sheet's date has no year: the show is put on {date}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="285" />
        <source>Row {row}, column “{column}”: {value} for “{product}”, which the products sheet gives as {first}; the products sheet is kept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="290" />
        <source>No start time in the sheet: the show starts at {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="293" />
        <source>Row {row}, column “{column}”: Excel had turned the length into the time of day {value}; read as {length}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="298" />
        <source>Row {row}: the last segment has a start time but no end or length; its length is 0:00 until you set it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="303" />
        <source>Row {row}, column “{column}”: the sheet says {value}, the lengths above make it {planned}; the lengths are kept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="308" />
        <source>Row {row}, column “{column}”: “{value}” is not a segment kind; read as {kind}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="312" />
        <source>Row {row}, column “{column}”: {names}; {first} takes the role in this segment, all of them join the team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="317" />
        <source>Row {row}, column “{column}”: {value} for “{product}”, which row {first_row} gave as {first}; the first is kept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="322" />
        <source>Row {row}: the flash sale names no product; it is tied to “{product}”, the product before it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="327" />
        <source>Row {row}, column “{column}”: the promos come from the sheet “{sheet}”; this text, which differs from them, was not read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="332" />
        <source>Sheet “{sheet}”, row {row}: segment {position} is not in the run sheet; left out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="336" />
        <source>{file} is not a liveplanner show file; expected a JSON object with "format": "liveplanner.show"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="341" />
        <source>{file} was written by a newer liveplanner: schema version {version}; this version reads up to {supported}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="346" />
        <source>{file}, {path}: got {value}, expected {expected}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="349" />
        <source>{file}, {path}: this field is missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="352" />
        <source>{file}, {path}: not a field of a show file (schema version {version})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="355" />
        <source>{file}, {path}: repeats {first}; each must be given once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="358" />
        <source>{file}, {path}: refers to {kind} {id}, but the file has no {kind} with that id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="362" />
        <source>{file}, row {row}: a cell holds more than {limit} characters; a run sheet's cell holds at most {limit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="367" />
        <source>{file}, row {row}: the segment's notes, with the cells kept in them, come to {length} characters; a show's text holds at most {limit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="372" />
        <source>{file}: the sheet has {rows} filled rows; a run sheet holds at most {limit} (its segments with their talking points)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="377" />
        <source>{file}, row {row}: a cell is filled in column {column}; a run sheet has at most {limit} columns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="382" />
        <source>{file}: {count} rows are segments (the last in row {row}); a show holds at most {limit} segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="387" />
        <source>{file}, rows {row} and {next_row}, column “{column}”: from {value} to {next_value} is {length}; a segment lasts at most {limit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="392" />
        <source>{file}, row {row}: the sheet's date {date} is not a day a show can have; expected a date in the years {first} to {last}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="397" />
        <source>{file}: the show would start {start}, which no show can; expected a start in the years {first} to {last}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="402" />
        <source>Row {row}, column “{column}”: the title is longer than {limit} characters; the rest is in the segment's notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="410" />
        <source>{file} is {size_mb} MB; run sheets and show files up to {limit_mb} MB can be imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="417" />
        <source>an object {…}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="418" />
        <source>a list […]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="419" />
        <source>its compressed data is damaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="423" />
        <source>the file is incomplete or damaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="426" />
        <source>… ({count} characters)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="427" />
        <source>”, “</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="429" />
        <source>highest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="430" />
        <source>last</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="435" />
        <source>a length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="436" />
        <source>a clock time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="437" />
        <source>a price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="438" />
        <location filename="../../app/messages/products.py" line="87" />
        <source>a count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="439" />
        <source>expected minutes (5), m:ss (5:30), h:mm:ss (1:02:00) or 5分30秒</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="442" />
        <source>expected a clock time such as 20:05 or 20:00-20:05</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="445" />
        <source>expected an amount in yuan such as 59 or ¥59.90</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="448" />
        <source>expected a whole number such as 300</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="450" />
        <source>a number of minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="451" />
        <source>expected whole minutes such as 20</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="454" />
        <source>a content mix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="455" />
        <source>expected three percentages adding up to 100, such as 40 / 35 / 25</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="463" />
        <source>the file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="466" />
        <source>lists or objects nested hundreds deep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="470" />
        <source>a list {depth} levels deep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="474" />
        <source>an object {depth} levels deep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="478" />
        <source>lists and objects nested at most {limit} deep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="482" />
        <source>a time in the years {first} to {last}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="486" />
        <source>a content mix given whole, its three shares adding up to 10000</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/imports.py" line="492" />
        <source>whole minutes in seconds (a multiple of 60) of at least {least}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="6" />
        <source>“{text}” is not an amount in yuan; expected a number such as 19.9</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="9" />
        <source>“{text}” has more than two decimals; expected such as 19.99</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="12" />
        <source>“{text}” is not a whole number; expected a count such as 500</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="15" />
        <source>“{text}” is not a percentage; expected a number such as 60</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="18" />
        <source>“{text}”: a percentage is between 0 and 100</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="22" />
        <source>“{text}” is not a number of minutes; expected whole minutes such as 20</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="25" />
        <source>{minutes} minutes: expected {least} to {most}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="28" />
        <source>“{text}” is not a mix; expected three percentages such as 40 / 35 / 25 (products, promotions, interaction)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="33" />
        <source>A content mix of {shares} adds up to {total}, not 100%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="36" />
        <source>A content mix is set whole: products, promotions and interaction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="39" />
        <source>“{text}” is not a length; expected minutes (5), m:ss (5:30) or h:mm:ss (1:02:00)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="43" />
        <source>In “{text}” minutes and seconds must be under 60; expected minutes (5), m:ss (5:30) or h:mm:ss (1:02:00)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="48" />
        <source>“{text}” is longer than a day: no segment runs that long</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="51" />
        <source>“{text}” is not a time in the segment; expected m:ss such as 0:30</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="54" />
        <source>“{text}” is more than a day into the segment; no segment runs a day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="57" />
        <source>{time} is not a time a show can have; expected a time in the years {first} to {last}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="61" />
        <source>A segment of {seconds} seconds: a segment lasts 0 to {most} seconds (a day)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="65" />
        <source>A show holds at most {most} segments; this one would have {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="68" />
        <source>“{zone}” is not a time zone; expected a name like Asia/Shanghai</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="71" />
        <source>“{text}” is not a time; expected YYYY-MM-DD HH:MM or HH:MM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="74" />
        <source>A show needs a start; expected YYYY-MM-DD HH:MM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="77" />
        <source>The attribution lag must be 0 to {most} minutes, not {lag}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="80" />
        <source>“{metric}” is not a metric liveplanner knows; expected one of: {known}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="84" />
        <source>“{text}” is not a ratio; expected a number such as 3.5 (GMV per yuan spent)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="87" />
        <source>“{text}”: a ratio is at most {most}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="88" />
        <source>“{text}” is not a watch time; expected seconds (90 s) or m:ss (1:30)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/inputs.py" line="91" />
        <source>“{text}” is longer than a day; no one watches that long</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="7" />
        <source>the {entity} was changed by someone else (version {current}, you edited version {expected}); reload it and make your change again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="12" />
        <source>the script of “{title}” is locked (the show is {status}): unlock it on purpose to change it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="17" />
        <source>{field} is {length} characters long; at most {most} fit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="20" />
        <source>{field} {value} is too large</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="21" />
        <source>{field} cannot be negative (got {value})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="22" />
        <source>a segment's duration cannot be negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="25" />
        <source>{person} is already on the team as {role}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="28" />
        <source>a person needs a name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="29" />
        <source>a show's title needs 1 to {most} characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="32" />
        <source>a note needs some text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="33" />
        <source>an owner's name has at most {most} characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="36" />
        <source>a note's minute must carry its time zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="39" />
        <source>a note has no field “{field}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="40" />
        <source>segment {segment_id} is not in show {show_id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="43" />
        <source>there is no show {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="44" />
        <source>there is no segment {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="45" />
        <source>there is no {entity} {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="46" />
        <source>there is no note {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="47" />
        <source>there is no run {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="48" />
        <source>run {id} has ended; it takes no more events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="51" />
        <source>the show's segments changed meanwhile (added or removed elsewhere); reload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="55" />
        <source>those segments no longer exist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/storage.py" line="56" />
        <source>someone else imported metrics for show {show_id} at the same time; nothing was stored: run it again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="8" />
        <source>someone else changed this just now; reload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="9" />
        <source>the database refused the change: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="12" />
        <source>lost the connection to the database server ({where}); nothing was written: run it again once the server is back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="17" />
        <source>this window opened the database read-only, because another liveplanner has it open; nothing was written</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="22" />
        <source>the folder {folder} is read-only, so liveplanner opened {path} read-only; nothing was written</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="27" />
        <source>the file {path} is read-only, so liveplanner opened {path} read-only; nothing was written</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="31" />
        <source>the database was being changed by another liveplanner; nothing was written: reload and try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="36" />
        <source>the database {where} failed: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="38" />
        <source>not a database URL: {text}; expected sqlite:///PATH or postgresql://USER@HOST/DATABASE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="42" />
        <source>unsupported database {name}: use SQLite or PostgreSQL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="45" />
        <source>unsupported driver {name}: use sqlite:///PATH or postgresql://...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="48" />
        <source>an in-memory SQLite database keeps nothing: give a file path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="51" />
        <source>{where} names no database; give one: postgresql://USER@HOST/DATABASE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="54" />
        <source>PostgreSQL support is not installed: pip install 'liveplanner[postgres]'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="58" />
        <source>SQLite refused write-ahead logging (journal mode is {mode})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="61" />
        <source>{path} is damaged ({detail}); liveplanner left it untouched: restore a backup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="64" />
        <source>{path} is not a liveplanner database ({detail})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="67" />
        <source>{path} belongs to another program; liveplanner left it untouched</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="70" />
        <source>{where} was written by a newer liveplanner (schema {revision}); update liveplanner to open it. The database was left untouched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="75" />
        <source>could not open the database {where}: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="78" />
        <source>lost the connection to the database server ({where}) while opening the database; nothing was written: run it again once the server is back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="83" />
        <source>only a SQLite file is opened read-only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="86" />
        <source>{path} is a folder; give a database file, such as sqlite:///{example}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="89" />
        <source>{path} needs upgrading to this liveplanner's schema, and {reason}: make it writable first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="93" />
        <source>{path} needs upgrading to this liveplanner's schema, and the liveplanner that has it open cannot allow that: close that one first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="98" />
        <source>cannot create {path}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="99" />
        <source>the database {where} holds {count} table of another program ({shown}); liveplanner keeps its tables in a database of its own: create one (CREATE DATABASE liveplanner) and give its URL. Nothing was created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="105" />
        <source>the database {where} holds {count} tables of another program ({shown}); liveplanner keeps its tables in a database of its own: create one (CREATE DATABASE liveplanner) and give its URL. Nothing was created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="112" />
        <source>only a SQLite database is restored here; PostgreSQL by its server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="115" />
        <source>could not back up {source}: there is no such file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="118" />
        <source>could not back up {source} to {folder}: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="121" />
        <source>could not copy {source} to {target}: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="124" />
        <source>the copy of {source} failed its integrity check: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="127" />
        <source>could not copy {source} to {target}: {detail}; nothing was changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="130" />
        <source>cannot read {path}: {detail}; nothing was changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="133" />
        <source>{path} is empty (0 bytes), not a liveplanner backup; nothing was changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="136" />
        <source>{path} is not a SQLite database, so not a liveplanner backup; nothing was changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="140" />
        <source>{path} is an empty SQLite database, not a liveplanner backup; nothing was changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="144" />
        <source>{path} is a SQLite database of another program, not a liveplanner backup; nothing was changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="149" />
        <source>{path} says it is a liveplanner backup of schema {revision}, but it has no table {table}; nothing was changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="154" />
        <source>{path} says it is a liveplanner backup of schema {revision}, but its table {table} has no column {column}; nothing was changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/workspace.py" line="159" />
        <source>could not restore {chosen} to {target}: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="7" />
        <source>cannot read {path}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="8" />
        <source>cannot write {path}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="9" />
        <source>unknown time zone {zone!r}; expected a name like Asia/Shanghai</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="12" />
        <source>the lag must be 0 to {max} minutes, not {lag}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="15" />
        <source>not a database URL: {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="16" />
        <source>a password is kept for a user: the URL needs a user name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="19" />
        <source>the system keyring is not available{detail}, so the password cannot be kept there: give it in LIVEPLANNER_DATABASE_URL (postgresql://USER:PASSWORD@HOST/DATABASE) or in ~/.pgpass, or install a keyring (a Secret Service such as GNOME Keyring or KWallet on Linux)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="26" />
        <source>{path}: there is no such backup file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="27" />
        <source>another liveplanner has {path} open: close it first, then restore; nothing was changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="31" />
        <source>another liveplanner (process {pid} on {host}) has {path} open: close it first, then restore; nothing was changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="36" />
        <source>{file} has no column {header!r}; its columns: {columns}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="39" />
        <source>{file}: {header!r} is the column of times; it cannot be read as a metric</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="42" />
        <source>{metric!r} is not a metric liveplanner knows; expected one of: {known} (a running total as NAME:cumulative)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="47" />
        <source>that segment was deleted meanwhile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/operations.py" line="48" />
        <source>that row was deleted meanwhile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="12" />
        <source>{file}: no header row in its first {rows} rows; expected a row naming the products' column (商品, Product name …)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="17" />
        <source>{file}: no column of product names or link numbers among {columns}; choose which column names the products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="22" />
        <source>{file}: none of the columns is a product figure liveplanner knows ({columns}); expected exposures, clicks, add to cart, items sold, GMV or refunds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="27" />
        <source>{file} has no column “{header}”; its columns: {columns}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="30" />
        <source>{file}: columns “{first}” and “{second}” are both {field}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="33" />
        <source>{file}, row {row}, column “{column}”: “{value}” is not {what}; </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="37" />
        <source>{file}, row {row}, column “{column}”: “{value}” is below zero; {field} is a count or an amount, expected 0 or more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="42" />
        <source>{file}, row {row}, column “{column}”: “{value}” is more than one product of a show can sell or count; expected at most {limit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="47" />
        <source>{file}, row {row}: figures without a product; expected its name or link number in column “{column}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="52" />
        <source>{file}, row {row}, column “{column}”: {length} characters; a product's name or link holds at most {limit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="57" />
        <source>{file}: more than {limit} product rows; a show's product export has a few hundred</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="64" />
        <source>“{field}” is not a product figure liveplanner knows; expected one of: {known}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="74" />
        <source>product name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="75" />
        <source>link number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="76" />
        <source>exposures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="77" />
        <source>clicks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="78" />
        <source>add to cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="79" />
        <source>items sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="80" />
        <source>GMV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="81" />
        <source>refunds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="85" />
        <source>expected such as 1234, 1,234.5, 1.2万 or ¥99</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/products.py" line="88" />
        <source>an amount in yuan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/campaigns.py" line="7" />
        <source>a campaign's title needs 1 to {max} characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/campaigns.py" line="10" />
        <source>{day} is not a day a campaign can have; expected a day in the years {first} to {last}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/campaigns.py" line="14" />
        <source>the campaign ends ({end}) before it starts ({start})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/campaigns.py" line="17" />
        <source>a campaign's target cannot be under 0 ({name})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/campaigns.py" line="20" />
        <source>show {show} ({show_title}) is not in campaign {id} ({title}); nothing was changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/campaigns.py" line="24" />
        <source>there is no campaign {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="11" />
        <source>only {shows} earlier shows that sold, by their GMV figures; {needed} needed: no projection rather than a guess</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="16" />
        <source>the show has no segments yet: nothing to project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="19" />
        <source>past viewers fell away by {drop} over the {span} minutes from minute {minute}: move {title} ({kind}) there, to position {to}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="24" />
        <source>{product} earned ¥{per_min}/min in past product intros, {other} ¥{other_per_min}/min: put {product} in the prime slot (the room was fullest at minute {minute}), position {to}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="30" />
        <source>{title} ran {ratio} of its plan (rehearsal takes: {takes}; past live segments: {runs}): plan {proposed} instead of {planned}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="35" />
        <source>{title} ran only {ratio} of its plan (rehearsal takes: {takes}; past live segments: {runs}): plan {proposed} instead of {planned}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="40" />
        <source>{product} sold out in {sold_out} of {shows} past shows (at most {most_sold} sold): stock {proposed} instead of {stock}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="45" />
        <source>{product} sold at most {most_sold} in {shows} past shows, under a fifth of its stock: stock {proposed} instead of {stock}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/advice.py" line="50" />
        <source>no benefit for {gap} minutes from minute {from_minute} (the rhythm: one every {every} minutes): add a {kind} at position {at} (it earned ¥{per_min}/min before)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="7" />
        <source>a template's name needs 1 to {max} characters, none of them a control character</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="11" />
        <source>“{name}” names a built-in template; pick another name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="14" />
        <source>a team template called “{name}” exists already; replace it or pick another name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="18" />
        <source>there is no team template “{name}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="19" />
        <source>there is no library product {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="20" />
        <source>a product's name needs 1 to {max} characters, none of them a control character</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="23" />
        <source>a link number or SKU holds no control characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="26" />
        <source>library product {id} has the link number or SKU “{sku}” already</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="29" />
        <source>{yuan} yuan: a price or a cost is at most {most} yuan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="32" />
        <source>the library has a product called “{name}” already (id {id})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="35" />
        <source>“{title}” has “{name}” already; nothing was added</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/library.py" line="38" />
        <source>show {show} has no product {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/desk.py" line="7" />
        <source>this screen does not tick “{item}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/desk.py" line="8" />
        <source>only floor control and ops set the counters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/desk.py" line="11" />
        <source>the show has no “{item}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/desk.py" line="12" />
        <source>units must be a whole number from 0 to {most}, not “{value}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/desk.py" line="15" />
        <source>no run is open: start the run first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/desk.py" line="16" />
        <source>nothing to send: type online viewers now or GMV so far (yuan) first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/sharing.py" line="7" />
        <source>cannot serve the screens on {address} port {port}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/sharing.py" line="10" />
        <source>“{address}” is not an IP address of this computer (such as 192.168.1.20)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/sharing.py" line="13" />
        <source>this screen only shows the desk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/sharing.py" line="14" />
        <source>a page's call is at most {most} bytes, with its length said first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/sharing.py" line="17" />
        <source>the page sent what the desk does not take: {what}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="8" />
        <source>line {line}: not a JSON object ({reason}); expected one object a line, with “{key}” and metric names as keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="13" />
        <source>line {line}: no “{key}”; expected a time such as {example}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="16" />
        <source>line {line}, {column}: “{value}” is not a time; expected such as {example}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="19" />
        <source>line {line}, {column}: “{value}” is not during this run; expected a minute from {first} to {last}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="24" />
        <source>line {line}: “{key}” is no metric liveplanner knows; expected “{minute}” and any of: {known}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="29" />
        <source>line {line}, {column}: “{value}” is not a number; expected a count, or yuan for money</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="33" />
        <source>line {line}, {column}: “{value}” is past {limit}, more than any show’s minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="36" />
        <source>line {line}, {column}: “{value}” is below zero; {metric} is never negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="39" />
        <source>line {line}: no figure; expected at least one metric besides the time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="42" />
        <source>line {line}, {column}: {value} so far is less than the {counted} already counted before this minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="47" />
        <source>line {line}: not UTF-8 or GBK text (bytes {value}); expected a line of text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="50" />
        <source>line {line}: longer than {most} characters; expected one minute’s figures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="53" />
        <source>{lines} lines from line {line} on: more than {most} lines at once; send them again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="57" />
        <source>line {line}: what was sent is longer than {most} characters; the rest was cut</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="60" />
        <source>line {line}: not a row of cells ({reason}); expected cells between commas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="63" />
        <source>line {line}: {count} cells; expected {expected}, as the header has</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="66" />
        <source>{file}, line {line}: no time column and no metric liveplanner knows ({columns}); expected a header such as {example}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="71" />
        <source>{file}, line {line}: columns “{first}” and “{second}” are both {metric}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="74" />
        <source>{file} cannot be read: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="75" />
        <source>{file} is UTF-16, which a growing file cannot be read in line by line; expected UTF-8 or GBK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="80" />
        <source>{count} figures are not written to the database yet; they are kept and written with the next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="85" />
        <source>{lines} lines not taken: no run is open; start the run first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="88" />
        <source>“{metric}” cannot be typed in; expected online_viewers (now) or gmv (so far, in yuan)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="93" />
        <source>Online now: “{value}” is not a number; type the count watching, such as 2,400</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="96" />
        <source>Online now: “{value}” is below zero; type the count watching, 0 or more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="99" />
        <source>Online now: “{value}” is past {limit}, more than any show has watching; check the figure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="103" />
        <source>Online now: not taken, this computer’s clock says {value}, outside this run ({first} to {last}); check the clock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="108" />
        <source>GMV so far: “{value}” is not a number; type the yuan taken so far, such as 56,000</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="112" />
        <source>GMV so far: “{value}” is below zero; type the yuan taken so far, 0 or more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="115" />
        <source>GMV so far: “{value}” is past ¥{limit}, more than any show takes; check the figure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="119" />
        <source>GMV so far: ¥{value} is less than the ¥{counted} counted before this minute; type the show’s total so far, not this minute’s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="124" />
        <source>GMV so far: not taken, this computer’s clock says {value}, outside this run ({first} to {last}); check the clock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="129" />
        <source>{name} must be from {least} to {most}, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="132" />
        <source>Online viewers down {drop} in {minutes} minutes ({peak} to {now}): move on to the benefit “{benefit}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="137" />
        <source>Online viewers down {drop} in {minutes} minutes ({peak} to {now}); no benefit segment is left in the plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="142" />
        <source>Flash sale “{promo}” sold out ({released} units): move on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="145" />
        <source>GMV ¥{gmv} is {behind} behind the pace to target (¥{pace} by now)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="149" />
        <source>Alert: online viewers dropped, {now} watching</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="152" />
        <source>Alert: “{promo}” sold out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/feed.py" line="153" />
        <source>Alert: GMV ¥{short} behind the pace to target</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MetricsImportDialog</name>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="77" />
        <source>Import metrics — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="89" />
        <source>Choose the platform's export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="90" />
        <source>Exports (%1);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="110" />
        <source>Cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="131" />
        <source>“%1” is not a time zone; expected such as Asia/Shanghai</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="164" />
        <source>Reading the file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="177" />
        <source>None: every row was read as it is.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="195" />
        <source>The file runs from %1 to %2, but the show is on %3 to %4: none of its minutes falls in the show. Is it another day's export? Choose what to do before importing:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="205" />
        <source>Move it onto the show's date (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="258" />
        <source>by header names</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="260" />
        <source>header on row %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="262" />
        <source>JSON records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="266" />
        <source>%1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="268" />
        <source>%1 rows, %2 minutes with data (%3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="277" />
        <source>peak %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="282" />
        <source>Encoding: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="283" />
        <source>Layout: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="293" />
        <source>(no header)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="297" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="313" />
        <source>Not imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="317" />
        <source>%1 (running total)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="364" />
        <source>Cancelled: nothing was stored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="371" />
        <source>Nothing was stored: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_dialog.py" line="374" />
        <source>Nothing was stored: an unexpected error (%1)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MetricsStoring</name>
    <message>
        <location filename="../../ui/review/import_storing.py" line="31" />
        <source>Nothing was stored: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="45" />
        <source>This show has metrics already: %1. Importing a file replaces them all.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="51" />
        <source>%1 minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="53" />
        <source>%1 from “%2”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="58" />
        <source>%1, imported %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="65" />
        <source>Replace the show's metrics?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="67" />
        <source>Replace the show's metrics (%1) with the %2 minutes in “%3”?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="75" />
        <source>A backup of the database is made first: File ▸ Backups… can put the metrics back. Edit ▸ Undo cannot.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="82" />
        <source>The team database is backed up by its server, not by liveplanner; Edit ▸ Undo cannot put the metrics back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="86" />
        <source>&amp;Replace metrics</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_storing.py" line="111" />
        <source>Storing the metrics…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NewShowDialog</name>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="38" />
        <source>New show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="40" />
        <source>e.g. 双12 beauty special</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="50" />
        <source>A show starts in the years %1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="64" />
        <source>Blank</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="65" />
        <source>1-hour flash show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="66" />
        <source>Standard 2-hour show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="67" />
        <source>3-hour big-promo show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="72" />
        <source>Team: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="75" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="76" />
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="77" />
        <source>Time zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="78" />
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/new_show_dialog.py" line="79" />
        <source>Start from</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="106" />
        <source>Review note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="106" />
        <source>Change note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="108" />
        <source>For</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="114" />
        <source>What worked, what went wrong, what to change next time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="118" />
        <source>Who acts on it (for an action)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="119" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="120" />
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="121" />
        <source>Owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="137" />
        <source>A note needs some text</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="79" />
        <source>When / where</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="79" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="79" />
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="79" />
        <source>Owner</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OverviewStrip</name>
    <message>
        <location filename="../../ui/editor/overview_strip.py" line="31" />
        <source>Click a block to select its segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/overview_strip.py" line="84" />
        <source>No segments yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/overview_strip.py" line="106" />
        <source>Plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/overview_strip.py" line="106" />
        <source>Target</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PartPanel</name>
    <message>
        <location filename="../../ui/editor/panels.py" line="74" />
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/panels.py" line="111" />
        <source>Delete %n row(s)</source>
        <translation>
            <numerusform>Delete %n row</numerusform><numerusform>Delete %n rows</numerusform></translation>
    </message>
</context>
<context>
    <name>PartTableModel</name>
    <message>
        <location filename="../../ui/editor/part_models.py" line="212" />
        <source>cannot be empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="265" />
        <location filename="../../ui/editor/part_models.py" line="318" />
        <location filename="../../ui/labels.py" line="261" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="237" />
        <location filename="../../ui/editor/part_models.py" line="375" />
        <location filename="../../ui/labels.py" line="259" />
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="259" />
        <location filename="../../ui/labels.py" line="260" />
        <source>SKU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="271" />
        <location filename="../../ui/labels.py" line="262" />
        <source>List price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="274" />
        <location filename="../../ui/labels.py" line="263" />
        <source>Live price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="277" />
        <location filename="../../ui/labels.py" line="264" />
        <source>Unit cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="279" />
        <location filename="../../ui/labels.py" line="265" />
        <source>Stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="281" />
        <source>Price floor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="284" />
        <source>Discount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="292" />
        <location filename="../../ui/editor/part_models.py" line="301" />
        <source>(all products)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="310" />
        <location filename="../../ui/labels.py" line="266" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="324" />
        <location filename="../../ui/labels.py" line="267" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="331" />
        <location filename="../../ui/editor/part_models.py" line="434" />
        <location filename="../../ui/labels.py" line="268" />
        <source>Quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="333" />
        <source>Released</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="336" />
        <location filename="../../ui/labels.py" line="269" />
        <source>Face value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="339" />
        <location filename="../../ui/labels.py" line="270" />
        <source>Special price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="343" />
        <location filename="../../ui/labels.py" line="271" />
        <source>Threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="346" />
        <location filename="../../ui/labels.py" line="272" />
        <source>Per user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="348" />
        <location filename="../../ui/labels.py" line="273" />
        <source>Budget</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="350" />
        <location filename="../../ui/labels.py" line="274" />
        <source>Notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="362" />
        <source>(anyone in the role)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="368" />
        <location filename="../../ui/editor/part_models.py" line="427" />
        <location filename="../../ui/labels.py" line="275" />
        <source>At (m:ss)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="381" />
        <source>(none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="230" />
        <location filename="../../ui/editor/part_models.py" line="386" />
        <location filename="../../ui/labels.py" line="258" />
        <source>Person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="394" />
        <location filename="../../ui/labels.py" line="276" />
        <source>Cue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/part_models.py" line="419" />
        <location filename="../../ui/labels.py" line="277" />
        <source>Promo</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ui/editor/person_dialog.py" line="48" />
        <source>A name, or someone from the list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/person_dialog.py" line="50" />
        <source>&amp;Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/person_dialog.py" line="56" />
        <source>&amp;Role</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="33" />
        <source>Preferences</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="43" />
        <source> s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="50" />
        <source>How long before the end of a segment the host's countdown turns amber, then red. 0 turns a colour off. Applies to the next run you start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="55" />
        <source>Run timer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="58" />
        <source>&amp;Amber before the end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="59" />
        <source>&amp;Red before the end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="65" />
        <source>C&amp;hoose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="72" />
        <source>Copies of the database file on this computer are written here (every 30 minutes while something changed, and on quitting). Empty: the backups folder beside the database. Backups made before stay where they are. A team server backs itself up.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="79" />
        <source>Backups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="81" />
        <source>&amp;Folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="102" />
        <location filename="../../ui/preferences_dialog.py" line="132" />
        <source>Backup folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="119" />
        <source>Give the whole path of the folder, such as %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/preferences_dialog.py" line="127" />
        <source>The folder %1 cannot be made: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <location filename="../../ui/rehearsal/presenter.py" line="67" />
        <source>liveplanner presenter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/presenter.py" line="72" />
        <source>PAUSED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/presenter.py" line="100" />
        <source>Close the presenter screen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/presenter.py" line="119" />
        <source>Next: %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/presenter.py" line="123" />
        <source>Next: the end</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/review/import_preview.py" line="71" />
        <source>Row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/import_preview.py" line="73" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProductsImportDialog</name>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="62" />
        <source>Douyin · product list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="63" />
        <source>Taobao Live · product analysis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="66" />
        <source>TikTok Shop · product list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="87" />
        <source>Import product figures — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="96" />
        <source>A CSV or XLSX product export from the platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="97" />
        <source>&amp;Choose file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="103" />
        <source>Recognise from the headers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="108" />
        <source>File:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="109" />
        <source>Layout:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="119" />
        <source>The show has product figures from %1; importing replaces them (the database is backed up first).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="135" />
        <source>Column in the file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="135" />
        <source>Read as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="144" />
        <source>Row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="145" />
        <source>Product in the file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="146" />
        <source>Show's product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="147" />
        <source>Items sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="148" />
        <source>GMV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="149" />
        <source>Refunds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="158" />
        <source>Columns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="159" />
        <source>Rows and the products they match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="167" />
        <source>&amp;Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="179" />
        <source>Warnings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="197" />
        <source>Choose the platform's product export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="198" />
        <source>Product exports (%1);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="216" />
        <source>Cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="268" />
        <source>Not read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="291" />
        <source>not matched</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="303" />
        <source>%1 rows, %2 matched to the show's products, %3 not; %4; layout: %5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/products_dialog.py" line="308" />
        <source>by header names</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RehearsalResults</name>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="48" />
        <source>Rehearsal results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="52" />
        <source>Apply this take's lengths to the plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="59" />
        <source>Take</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="72" />
        <source>Take %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="76" />
        <source>%1, unfinished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="81" />
        <source>Segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="81" />
        <source>Planned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="95" />
        <source>%1 (%2 s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/results_dialog.py" line="134" />
        <source>Apply rehearsed lengths</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../ui/review/report.py" line="138" />
        <source>Segment times as they ran (live run of %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="142" />
        <source>Segment times as planned (no live run on the timer).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="145" />
        <source>Sales credited to the segment running %1 min earlier.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="132" />
        <source>Segments</source>
        <comment>title of the table of every segment</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="214" />
        <source>Green: best GMV per minute; red: lowest.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="215" />
        <location filename="../../ui/review/report.py" line="389" />
        <source>By kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="216" />
        <location filename="../../ui/review/report.py" line="394" />
        <source>By product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="217" />
        <location filename="../../ui/review/report.py" line="400" />
        <source>Notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="218" />
        <location filename="../../ui/review/report.py" line="402" />
        <source>When / where</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="219" />
        <location filename="../../ui/review/report.py" line="403" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="220" />
        <location filename="../../ui/review/report.py" line="404" />
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="221" />
        <location filename="../../ui/review/report.py" line="405" />
        <source>Owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="222" />
        <source>No notes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="265" />
        <source>No product figures imported.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="344" />
        <source>Summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="346" />
        <source>Figure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="347" />
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="348" />
        <source>Against target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="351" />
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="352" />
        <source>Times</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="413" />
        <source>Minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="415" />
        <source>Minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="416" />
        <source>Segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report.py" line="417" />
        <source>Sales credited to</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/review/report_dialog.py" line="28" />
        <source>Export report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report_dialog.py" line="30" />
        <source>PDF report (*.pdf);;Web page (*.html);;Spreadsheet (*.xlsx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report_dialog.py" line="44" />
        <source>Not done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report_dialog.py" line="45" />
        <source>Could not write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/report_dialog.py" line="54" />
        <source>Report written to %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReviewChart</name>
    <message>
        <location filename="../../ui/review/chart.py" line="71" />
        <source>GMV ¥/min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="66" />
        <source>Viewers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="76" />
        <source>Orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="81" />
        <source>Interaction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="86" />
        <source>Followers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="121" />
        <source>Plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="122" />
        <source>Actual</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="295" />
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/chart.py" line="409" />
        <source>no data</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReviewNotes</name>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="35" />
        <source>Worked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="36" />
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="37" />
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="38" />
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/notes_panel.py" line="50" />
        <source>whole show</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/review/review_page.py" line="161" />
        <source> min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="164" />
        <source>Orders come in a minute or two after the pitch: each minute's sales are credited to the segment running this many minutes earlier.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="169" />
        <source>Import metrics…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="171" />
        <source>Import product figures…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="173" />
        <location filename="../../ui/review/review_page.py" line="277" />
        <source>Add note…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="175" />
        <source>Compare shows…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="177" />
        <source>Export report…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="185" />
        <source>Sales credited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="187" />
        <source>after the pitch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="209" />
        <source>Lanes:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="219" />
        <source>券 coupon drop · 秒 flash sale · 抽 lucky draw · ✎ note · drag to pan, wheel to zoom</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="232" />
        <source>No minute metrics for this show yet.

Import the platform's minute-by-minute export (Review ▸ Import metrics…, Ctrl+Shift+I) to see it over the plan.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="273" />
        <source>Change…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="275" />
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="286" />
        <source>By segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="287" />
        <source>By kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="288" />
        <source>By product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="289" />
        <source>Products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="290" />
        <source>Notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="373" />
        <source>Not in this show's export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="382" />
        <source>Notes (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="389" />
        <source>Segment times as they ran: the live run of %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="393" />
        <source>Segment times as planned: the show has no live run on the timer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="398" />
        <source>%1 minutes of data; %2 of the show's %3 minutes have none.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="400" />
        <source>%1 minutes of data, covering all of the show's %3 minutes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="405" />
        <source>%1 minutes of data, %2 missing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="411" />
        <source>%1 of them lie outside the script: see the rows before or after it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="498" />
        <source>Delete note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="499" />
        <source>Delete this note?

%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/review_page.py" line="509" />
        <source>Not done</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReviewTables</name>
    <message>
        <location filename="../../ui/review/tables.py" line="133" />
        <source>Best GMV per minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/tables.py" line="134" />
        <source>Lowest GMV per minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="49" />
        <source>Before the script: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="51" />
        <source>After the script: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="86" />
        <source>#</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="91" />
        <source>Segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="93" />
        <location filename="../../ui/review/table_columns.py" line="183" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="54" />
        <location filename="../../ui/review/table_columns.py" line="100" />
        <location filename="../../ui/review/table_columns.py" line="189" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="102" />
        <source>Planned start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="103" />
        <source>Planned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="107" />
        <source>Actual start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="108" />
        <source>Actual</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="110" />
        <source>Over / under</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="142" />
        <source>Items sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="153" />
        <source>Viewers kept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="224" />
        <source>Targets met</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="225" />
        <source>Targets missed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="61" />
        <location filename="../../ui/review/summary_figures.py" line="71" />
        <location filename="../../ui/review/table_columns.py" line="117" />
        <location filename="../../ui/review/table_columns.py" line="171" />
        <location filename="../../ui/review/table_columns.py" line="215" />
        <location filename="../../ui/review/table_columns.py" line="271" />
        <source>GMV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="77" />
        <location filename="../../ui/review/table_columns.py" line="118" />
        <location filename="../../ui/review/table_columns.py" line="172" />
        <location filename="../../ui/review/table_columns.py" line="217" />
        <source>Orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="119" />
        <source>Buyers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="120" />
        <location filename="../../ui/review/table_columns.py" line="173" />
        <location filename="../../ui/review/table_columns.py" line="216" />
        <location filename="../../ui/review/table_columns.py" line="272" />
        <source>GMV / min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="121" />
        <location filename="../../ui/review/table_columns.py" line="219" />
        <source>Avg viewers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="81" />
        <location filename="../../ui/review/table_columns.py" line="122" />
        <location filename="../../ui/review/table_columns.py" line="218" />
        <source>Peak viewers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="124" />
        <source>Entries − exits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="129" />
        <source>Comments / min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="130" />
        <source>Likes / min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="99" />
        <location filename="../../ui/review/summary_figures.py" line="208" />
        <location filename="../../ui/review/table_columns.py" line="131" />
        <location filename="../../ui/review/table_columns.py" line="221" />
        <source>GPM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="169" />
        <source>Segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="170" />
        <location filename="../../ui/review/table_columns.py" line="270" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="180" />
        <source>Outside the script</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="198" />
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="203" />
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="205" />
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="210" />
        <source>Times</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="214" />
        <source>On air</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="93" />
        <location filename="../../ui/review/table_columns.py" line="220" />
        <source>Conversion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="105" />
        <location filename="../../ui/review/table_columns.py" line="222" />
        <source>New followers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="231" />
        <source>%1 / min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="252" />
        <source>actual</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="253" />
        <source>planned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="258" />
        <source>Morning 06–12</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="259" />
        <source>Afternoon 12–18</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="260" />
        <source>Prime time 18–21</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="261" />
        <source>Late 21–24</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="262" />
        <source>Night 00–06</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/table_columns.py" line="269" />
        <source>Shows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="31" />
        <source>at most %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="33" />
        <source>target %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="36" />
        <source>no data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="38" />
        <source>met ✓</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="40" />
        <source>over by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="44" />
        <source>short by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="84" />
        <source>Average viewers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="88" />
        <source>Viewers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="110" />
        <source>Interaction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="138" />
        <location filename="../../ui/review/summary_figures.py" line="198" />
        <location filename="../../ui/review/table_columns.py" line="134" />
        <source>UV value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="144" />
        <location filename="../../ui/review/summary_figures.py" line="204" />
        <location filename="../../ui/review/table_columns.py" line="137" />
        <source>Order value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="150" />
        <source>Value per buyer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="154" />
        <location filename="../../ui/review/summary_figures.py" line="241" />
        <location filename="../../ui/review/table_columns.py" line="139" />
        <source>Ad spend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="159" />
        <location filename="../../ui/review/summary_figures.py" line="211" />
        <location filename="../../ui/review/table_columns.py" line="140" />
        <source>ROI</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="22" />
        <source>Product sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="38" />
        <source>Sold out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="40" />
        <source>Under 20 %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="42" />
        <source>Not in plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="55" />
        <source>Link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="56" />
        <source>Stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="57" />
        <source>Sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="58" />
        <source>Sell-through</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="59" />
        <source>Clicks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="60" />
        <source>Click to order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="62" />
        <location filename="../../ui/review/product_columns.py" line="101" />
        <location filename="../../ui/review/summary_figures.py" line="217" />
        <location filename="../../ui/review/table_columns.py" line="146" />
        <source>Gross profit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="63" />
        <location filename="../../ui/review/product_columns.py" line="109" />
        <location filename="../../ui/review/summary_figures.py" line="270" />
        <location filename="../../ui/review/table_columns.py" line="150" />
        <source>Refunds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="65" />
        <source>Pitched in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="72" />
        <source>Flags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="107" />
        <location filename="../../ui/review/summary_figures.py" line="223" />
        <location filename="../../ui/review/table_columns.py" line="149" />
        <source>Margin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/product_columns.py" line="111" />
        <location filename="../../ui/review/summary_figures.py" line="229" />
        <location filename="../../ui/review/table_columns.py" line="151" />
        <source>Net GMV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="171" />
        <location filename="../../ui/review/summary_figures.py" line="235" />
        <location filename="../../ui/review/table_columns.py" line="155" />
        <source>Watch time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/summary_figures.py" line="247" />
        <source>Refund rate</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RunSheet</name>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="41" />
        <source>¥%2 off ¥%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="47" />
        <source>¥%1 off, no minimum</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="51" />
        <source>flash price %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="57" />
        <source>worth %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="63" />
        <source>limit %1 per person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="100" />
        <source>SKU %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="166" />
        <source>Everyone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="184" />
        <source>Note:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="215" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="216" />
        <source>Segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="217" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="218" />
        <source>Price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="219" />
        <source>Stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="220" />
        <source>Promos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="222" />
        <source>Talking points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="224" />
        <source>Cues</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="282" />
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="283" />
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="284" />
        <source>Room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="286" />
        <source>On air</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="289" />
        <source>Length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="290" />
        <source>Segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="295" />
        <source>Slot ends</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="302" />
        <source>Hard stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="316" />
        <source>This show has no segments yet: add them in the script editor.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/run_sheet.py" line="329" />
        <source>Run sheet</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SaveTemplateDialog</name>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="21" />
        <source>Save as team template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="26" />
        <source>Include the show's &amp;products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="28" />
        <source>Without them, the template's segments and promos name no product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="40" />
        <source>New shows can start from it; everyone on this database sees it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="42" />
        <source>&amp;Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="61" />
        <source>The team has a template called “%1”: saving replaces it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="65" />
        <source>&amp;Replace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/library/template_dialog.py" line="68" />
        <source>&amp;Save</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ScriptFiles</name>
    <message>
        <location filename="../../ui/script/actions.py" line="32" />
        <source>Import script</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/actions.py" line="33" />
        <source>Run sheets and show files (*.xlsx *.xlsm *.csv *.tsv *.txt *.json);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/actions.py" line="53" />
        <source>Could not read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/actions.py" line="80" />
        <source>Imported %1 as a new show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/actions.py" line="93" />
        <source>Export script</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/actions.py" line="95" />
        <source>Run sheet (*.xlsx);;Run sheet and cue cards, to print (*.pdf);;Show file, to hand on (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/actions.py" line="113" />
        <source>Could not write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/actions.py" line="121" />
        <source>Script written to %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ScriptImportDialog</name>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="72" />
        <source>Import run sheet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="87" />
        <location filename="../../ui/script/import_dialog.py" line="104" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="88" />
        <location filename="../../ui/script/import_dialog.py" line="101" />
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="89" />
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="92" />
        <source>Column in the sheet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="92" />
        <source>Read as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="102" />
        <source>Length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="103" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="105" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="106" />
        <source>Promos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="107" />
        <source>Host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="108" />
        <source>Row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="122" />
        <source>Columns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="143" />
        <source>Import as a new show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="176" />
        <source>; with liveplanner's own sheets (settings, team, products, promos, cues)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="181" />
        <source>%1 · %2 · sheet “%3”, header in row %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="197" />
        <source>Every cell was read into a field.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="207" />
        <source>Change how a column is read, or set it to “not read”, to try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/import_dialog.py" line="294" />
        <source>%1 segments, %2 long · %3 products · %4 people · %5 promos</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ScriptPrint</name>
    <message>
        <location filename="../../ui/printing/documents.py" line="98" />
        <source>Page %1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/documents.py" line="141" />
        <source>Printed %1 · liveplanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/documents.py" line="206" />
        <source>Run sheet — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/documents.py" line="208" />
        <source>Cue cards — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/printing/markup.py" line="103" />
        <source>, </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SegmentActions</name>
    <message>
        <location filename="../../ui/editor/segment_actions.py" line="20" />
        <source>New segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_actions.py" line="55" />
        <source>Clear cells</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="171" />
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="172" />
        <location filename="../../ui/labels.py" line="206" />
        <source>Length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="173" />
        <location filename="../../ui/labels.py" line="204" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="174" />
        <location filename="../../ui/labels.py" line="205" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="175" />
        <location filename="../../ui/labels.py" line="207" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="176" />
        <source>Live price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="177" />
        <source>Stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="178" />
        <source>Promo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="179" />
        <source>Host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="180" />
        <source>Co-host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="181" />
        <source>Floor control</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="182" />
        <location filename="../../ui/labels.py" line="208" />
        <source>Notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="296" />
        <source>Two flash sales are released in this segment: see Promo releases.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="299" />
        <source>A flash sale: its price and units show here once the Promos tab has a flash sale of this segment's product.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="303" />
        <source>Flash-sale price of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="304" />
        <source>Units of %1 put out in this segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/segment_model.py" line="311" />
        <location filename="../../ui/editor/segment_model.py" line="316" />
        <source>(none)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../ui/share_dialog.py" line="61" />
        <source>Share screens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="81" />
        <source>&amp;Copy link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="83" />
        <source>&amp;Follow a feed file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="86" />
        <source>A CSV a screen logger or export tool keeps appending to: its minutes are read as it grows and shown on every page</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="97" />
        <source>&amp;Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="98" />
        <source>&amp;Port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="141" />
        <source>Follow a feed file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="141" />
        <source>CSV (*.csv *.txt)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="156" />
        <source>&amp;Stop sharing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="156" />
        <source>&amp;Start sharing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="161" />
        <source>Serving at %1. Each link carries its own token: anyone with a link sees that screen; the viewer's screen cannot tick.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="166" />
        <source>Nothing is served until you start. The links are new each time; pick the address your phones and tablets can reach.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="173" />
        <source>Viewer (read only)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="184" />
        <source>Feed for a collector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/share_dialog.py" line="192" />
        <source>Reading %1 as it grows.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShowEditor</name>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="137" />
        <source>Talking points for the host, one per line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="141" />
        <source>Add cue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="146" />
        <location filename="../../ui/editor/show_editor.py" line="273" />
        <source>Add promo release</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="152" />
        <location filename="../../ui/labels.py" line="209" />
        <source>Talking points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="154" />
        <source>Cues for the team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="156" />
        <source>Promo releases</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/person_dialog.py" line="114" />
        <location filename="../../ui/editor/show_editor.py" line="160" />
        <source>Add team member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="163" />
        <source>Add product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="166" />
        <source>Add promo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="173" />
        <source>Segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="174" />
        <source>Team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="175" />
        <source>Products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="176" />
        <source>Promos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="177" />
        <source>Findings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="179" />
        <source>Advice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="182" />
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="204" />
        <source>&amp;Insert segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="207" />
        <source>Du&amp;plicate segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="210" />
        <source>&amp;Delete segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="215" />
        <source>&amp;Clear cells</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="218" />
        <source>Move &amp;up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="221" />
        <source>Move do&amp;wn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="223" />
        <source>&amp;Next finding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="256" />
        <source>New product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="259" />
        <source>New promo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="265" />
        <source>New cue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="273" />
        <source>Add a promo on the Promos tab first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="333" />
        <source>No segment chosen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="339" />
        <source>Segment %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="369" />
        <source>%1 – %2 · %3 · %4 segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="376" />
        <source>%1, %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/show_editor.py" line="377" />
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/show_editor.py" line="378" />
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="380" />
        <source>Findings (%1)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/show_editor.py" line="401" />
        <source>%n more change(s)…</source>
        <translation>
            <numerusform>%n more change…</numerusform><numerusform>%n more changes…</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/editor/show_editor.py" line="404" />
        <source>Changed elsewhere, and shown here now:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShowForm</name>
    <message>
        <location filename="../../ui/editor/show_form.py" line="116" />
        <location filename="../../ui/labels.py" line="216" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="118" />
        <location filename="../../ui/labels.py" line="217" />
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="128" />
        <location filename="../../ui/labels.py" line="218" />
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="133" />
        <location filename="../../ui/labels.py" line="219" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="134" />
        <location filename="../../ui/labels.py" line="220" />
        <source>Room / account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="137" />
        <location filename="../../ui/labels.py" line="221" />
        <source>Time zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="139" />
        <location filename="../../ui/labels.py" line="222" />
        <source>Planned end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="144" />
        <location filename="../../ui/labels.py" line="223" />
        <source>Hard stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="149" />
        <location filename="../../ui/labels.py" line="224" />
        <source>Maximum discount (%)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="154" />
        <location filename="../../ui/labels.py" line="225" />
        <source>Minimum margin on cost (%)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="159" />
        <location filename="../../ui/labels.py" line="226" />
        <source>Target GMV (yuan)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="164" />
        <location filename="../../ui/labels.py" line="227" />
        <location filename="../../ui/review/campaign_dialog.py" line="60" />
        <source>Target viewers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="169" />
        <location filename="../../ui/labels.py" line="228" />
        <location filename="../../ui/review/campaign_dialog.py" line="61" />
        <source>Target conversion (%)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="174" />
        <location filename="../../ui/labels.py" line="229" />
        <location filename="../../ui/review/campaign_dialog.py" line="62" />
        <source>Target new followers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="179" />
        <location filename="../../ui/labels.py" line="230" />
        <location filename="../../ui/review/campaign_dialog.py" line="63" />
        <source>Target interaction (%)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="185" />
        <source>Targets: whether it paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="195" />
        <source>Rhythm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/show_form.py" line="207" />
        <location filename="../../ui/labels.py" line="233" />
        <source>Notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="41" />
        <source>UV value (yuan)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="47" />
        <source>Order value (yuan)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="53" />
        <source>GPM (yuan)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="59" />
        <source>ROI (such as 3.5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="65" />
        <source>Gross profit (yuan)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="71" />
        <source>Margin (%)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="77" />
        <source>Net GMV (yuan)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="83" />
        <source>Watch time (m:ss or s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="89" />
        <source>Ad spend at most (yuan)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/paid_targets.py" line="95" />
        <source>Refunds at most (%)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="40" />
        <source>Mix target (%)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="41" />
        <source>Products / promotions / interaction, in per cent of their time, adding up to 100</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="49" />
        <source>A benefit at least every (min)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="56" />
        <source>Rest after a benefit (min)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="63" />
        <source>Product intro at most (min)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="76" />
        <source>Mix target: products (%)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="77" />
        <source>Mix target: promotions (%)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/rhythm_fields.py" line="78" />
        <source>Mix target: interaction (%)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShowListModel</name>
    <message>
        <location filename="../../ui/show_list_model.py" line="41" />
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="42" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="43" />
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="44" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="45" />
        <source>Segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="46" />
        <source>Length</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShowListPage</name>
    <message>
        <location filename="../../ui/show_list_page.py" line="28" />
        <source>Any time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="29" />
        <source>Upcoming</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="30" />
        <source>Past</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="31" />
        <source>Next 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="32" />
        <source>Last 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="91" />
        <source>No shows yet.
File ▸ New show starts one; File ▸ Add demo show adds an example.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="100" />
        <source>Search titles and rooms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="103" />
        <source>All platforms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="107" />
        <source>Any status</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShowPicker</name>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="94" />
        <source>Add shows to the campaign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/review/campaign_dialog.py" line="113" />
        <source>Tick the shows the campaign counts:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StartRunDialog</name>
    <message>
        <location filename="../../ui/rehearsal/start_dialog.py" line="12" />
        <source>Run the show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/start_dialog.py" line="14" />
        <source>&amp;Rehearsal: a take to compare with the plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/start_dialog.py" line="15" />
        <source>&amp;Live show: the run the review will use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/start_dialog.py" line="18" />
        <source>What are you running?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/start_dialog.py" line="21" />
        <source>live show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/start_dialog.py" line="21" />
        <source>rehearsal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/rehearsal/start_dialog.py" line="24" />
        <source>Resume the interrupted %1 where the show is now</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SuggestionRow</name>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="51" />
        <source>Apply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="52" />
        <source>Make this change to the plan (one step to undo)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="53" />
        <source>Dismiss</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/advice_panel.py" line="54" />
        <source>Hide this suggestion while the show is open</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TimeZoneBox</name>
    <message>
        <location filename="../../ui/widgets/search_combo.py" line="71" />
        <source>Type part of a place's name to find its zone, e.g. Shanghai</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/widgets/search_combo.py" line="135" />
        <source>No time zone's name holds “%1”.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TypedFigures</name>
    <message>
        <location filename="../../ui/desk/typed_figures.py" line="49" />
        <source>&amp;Online now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/typed_figures.py" line="50" />
        <source>&amp;GMV so far (¥)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/typed_figures.py" line="51" />
        <source>e.g. 3,400</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/typed_figures.py" line="52" />
        <source>e.g. 56,000</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/desk/typed_figures.py" line="53" />
        <source>Send</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/welcome_page.py" line="87" />
        <source>Welcome to liveplanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="94" />
        <source>Plan a live-stream shopping show, rehearse and run it on a segment timer, and review it against the platform's minute-by-minute data.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="99" />
        <source>How would you like to start?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="105" />
        <source>Explore the demo show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="107" />
        <source>A complete 3-hour Double-11 show on Douyin: a team, products, coupons and flash sales, a rehearsal, a live run and its minute data to review.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="112" />
        <source>Start a blank show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="113" />
        <source>Give it a title, a start and a platform, then add the segments yourself.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="116" />
        <source>Start from a template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="118" />
        <source>A 1-hour flash show, a standard 2-hour show or a 3-hour big-promo show, with a benefit every 15 to 30 minutes, ready to adjust.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="123" />
        <source>Import my run sheet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="125" />
        <source>The script you already have, as a spreadsheet (XLSX or CSV) or a show file: check how its columns were read, then plan on from there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="139" />
        <source>Same as the system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="151" />
        <source>&amp;Language:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="163" />
        <source>Help ▸ Welcome… brings this page back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/welcome_page.py" line="166" />
        <source>Go to the &amp;show list</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WorkspaceFlow</name>
    <message>
        <location filename="../../ui/workspace_flow.py" line="51" />
        <source>Nothing was created in %1. Give liveplanner a database of its own: create one on the server (CREATE DATABASE liveplanner), then choose it in File ▸ Database…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="77" />
        <source>%1, so this window opens the database read-only: you can look, print and export, but not change anything.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="86" />
        <source>process %1 on %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="88" />
        <source>another process</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="94" />
        <source>Another liveplanner (%1) has the database %2 open.

This window opens it read-only: you can look, print and export, but not change anything. To edit here, close the other one and start liveplanner again.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/workspace_flow.py" line="109" />
        <source>The database %1 already holds %n table(s) of another program (%2). liveplanner's tables are best kept in a database of their own.

Create liveplanner's tables beside them anyway?</source>
        <translation>
            <numerusform>The database %1 already holds %n table of another program (%2). liveplanner's tables are best kept in a database of their own.

Create liveplanner's tables beside it anyway?</numerusform><numerusform>The database %1 already holds %n tables of another program (%2). liveplanner's tables are best kept in a database of their own.

Create liveplanner's tables beside them anyway?</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="126" />
        <source>The database %1 is damaged (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="134" />
        <source>There is no good backup of it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="143" />
        <source>Set the damaged file aside (it is kept, untouched) and go on with the newest good backup, %1?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="155" />
        <source>The damaged file was set aside as %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="170" />
        <source>Open the database on this computer instead? File ▸ Database… switches back to the team server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="181" />
        <source>The folder %1 is read-only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="183" />
        <source>The file %1 is read-only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/workspace_flow.py" line="188" />
        <source>, </source>
        <comment>between the names in a list</comment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/workspace_flow.py" line="191" />
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform><numerusform>%1 and %n more</numerusform></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../cli/database.py" line="19" />
        <source>upgraded from {before} to {head}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/database.py" line="24" />
        <source>already at {head}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/database.py" line="32" />
        <source>ok</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/database.py" line="38" />
        <source>a PostgreSQL database is backed up by its server (pg_dump), not here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/database.py" line="65" />
        <source>restored {chosen}; the database as it was is now {before}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="47" />
        <source>--map {text!r} is not HEADER=METRIC</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="60" />
        <source>--date {text!r} is not a date; expected YYYY-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="69" />
        <source>{file}: even on the show's date it runs from {start} to {end}, not during the show ({show_start} to {show_end}); only --keep-dates imports it as it is</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="77" />
        <source>{file} runs from {start} to {end}, not during the show ({show_start} to {show_end}); give --shift-to-show-date to move it onto {show_day}, or --keep-dates to import it as it is</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="92" />
        <location filename="../../cli/metrics.py" line="195" />
        <source>{n} minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="93" />
        <location filename="../../cli/metrics.py" line="196" />
        <source>{n} minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="97" />
        <source> from {file}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="99" />
        <source> (imported {when})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="101" />
        <source>; a backup of the database is made first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="106" />
        <source>show {show_id} has {minutes} of metrics already{origin}; give --replace to replace them with this file{backup}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="187" />
        <location filename="../../cli/products.py" line="98" />
        <source>by header names</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="190" />
        <source>{n} row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="191" />
        <source>{n} rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="200" />
        <source>{rows}, {minutes} from {start} to {end}; {encoding}; layout: {preset}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="221" />
        <source>metric</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="222" />
        <source>total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="223" />
        <source>max</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="224" />
        <source>at</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="234" />
        <source>columns: {columns}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="238" />
        <source>dates moved by {days:+d} day onto the show's date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="240" />
        <source>dates moved by {days:+d} days onto the show's date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="243" />
        <location filename="../../cli/products.py" line="145" />
        <source>warning: {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="247" />
        <location filename="../../cli/products.py" line="149" />
        <source>stored</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/metrics.py" line="249" />
        <location filename="../../cli/products.py" line="151" />
        <source>not stored (--dry-run)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="41" />
        <source>--lag must be 0 to {max} minutes, not {lag}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="49" />
        <source>{name}: a report is written as .pdf, .html or .xlsx</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="472" />
        <location filename="../../cli/reviews.py" line="62" />
        <location filename="../../cli/scripts.py" line="80" />
        <source>wrote {file}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="283" />
        <source>as they ran (live run)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="285" />
        <source>as planned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="287" />
        <source>{missing} missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="290" />
        <source>{missing} of the show's {minutes} missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="296" />
        <source>{title} (show {show_id}): segment times {source}, sales credited {lag} min after the pitch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="307" />
        <source>GMV {gmv}  orders {orders}  peak viewers {peak}  minutes {minutes} ({missing})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="319" />
        <source>no data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="320" />
        <source>met</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="321" />
        <source>missed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="326" />
        <source>  target {name}: {target} -&gt; {actual} ({state})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="334" />
        <location filename="../../cli/shows.py" line="181" />
        <location filename="../../cli/shows.py" line="271" />
        <source>start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="335" />
        <location filename="../../cli/shows.py" line="274" />
        <source>kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="388" />
        <source>sold out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="389" />
        <source>under 20 %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="390" />
        <source>not in plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="395" />
        <source>sell-through</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="397" />
        <source>gross profit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="398" />
        <source>pitched in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="401" />
        <source>Products:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/products.py" line="124" />
        <location filename="../../cli/reviews.py" line="336" />
        <location filename="../../cli/reviews.py" line="396" />
        <source>GMV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="337" />
        <source>orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="338" />
        <source>GMV/min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/advice.py" line="111" />
        <source>{title} (show {show_id}): advice from {count} earlier shows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/advice.py" line="120" />
        <source>  shows {shows}; platform {platform}; starting {slot}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/advice.py" line="122" />
        <source>any</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/advice.py" line="123" />
        <source>at any time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/advice.py" line="133" />
        <source>Projected GMV {mid} (range {low} to {high})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/advice.py" line="140" />
        <source>low</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/advice.py" line="141" />
        <source>mid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/advice.py" line="142" />
        <source>high</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/advice.py" line="143" />
        <location filename="../../cli/reviews.py" line="339" />
        <location filename="../../cli/runs.py" line="62" />
        <location filename="../../cli/shows.py" line="186" />
        <location filename="../../cli/shows.py" line="275" />
        <source>title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/advice.py" line="161" />
        <source>Suggestions:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/advice.py" line="164" />
        <source>No suggestions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="348" />
        <source>before script</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="349" />
        <source>after script</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="359" />
        <source>{minutes} min of data, {stretch}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/runs.py" line="55" />
        <source>no runs of {title!r} yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/runs.py" line="57" />
        <source>rehearsal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/runs.py" line="58" />
        <source>live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/runs.py" line="63" />
        <source>planned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/runs.py" line="64" />
        <source>actual</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/runs.py" line="65" />
        <source>+/- s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/runs.py" line="69" />
        <source>not ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/runs.py" line="71" />
        <source>run {id} ({kind}), {started} – {ended}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="26" />
        <source>{file}: a show file keeps its own title, start, platform and time zone; --title, --start, --platform and --tz are for run sheets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="62" />
        <source>{name}: a script is written as .xlsx, .pdf or .json</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="116" />
        <source>imported “{title}” as show {show_id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="121" />
        <source>read “{title}” (nothing stored)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="123" />
        <source>{head}: {segments}, {products}, {people}, {promos}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="127" />
        <location filename="../../cli/shows.py" line="239" />
        <source>{n} segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="128" />
        <location filename="../../cli/shows.py" line="240" />
        <source>{n} segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/products.py" line="34" />
        <source>--map {text!r} is not HEADER=FIELD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/products.py" line="87" />
        <source>{lines}, {matched} matched to the show's products; {encoding}; layout: {preset}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/products.py" line="93" />
        <location filename="../../cli/scripts.py" line="132" />
        <source>{n} product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/products.py" line="94" />
        <location filename="../../cli/scripts.py" line="133" />
        <source>{n} products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/products.py" line="121" />
        <source>row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/products.py" line="123" />
        <location filename="../../cli/reviews.py" line="393" />
        <source>sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/products.py" line="125" />
        <source>refunds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/products.py" line="132" />
        <source>not matched: row {row}, {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/products.py" line="141" />
        <source>left out as totals: rows {rows}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="137" />
        <source>{n} person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="138" />
        <source>{n} people</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="142" />
        <source>{n} promo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="143" />
        <source>{n} promos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="149" />
        <source>  starts {start} on {platform}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="155" />
        <source>notices:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="158" />
        <source>not read into fields:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="159" />
        <source>kept in the segment's notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="160" />
        <source>left out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/scripts.py" line="164" />
        <source>  row {row}, column “{column}”: {value} ({where})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="43" />
        <source>--start {text!r} is not a time; expected YYYY-MM-DD HH:MM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="56" />
        <source>--start {text!r} does not exist in {zone}: the clocks skip it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="71" />
        <source>added the demo show {show_id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="79" />
        <source>--title is empty; give the show a name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="83" />
        <source>--title is {length} characters long; at most {limit} fit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="164" />
        <source>no show matches {search!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="166" />
        <source>no shows yet: `liveplanner demo` adds one to look at</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="180" />
        <source>id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="182" />
        <source>platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="183" />
        <source>status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="184" />
        <source>segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="185" />
        <location filename="../../cli/shows.py" line="273" />
        <source>length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="272" />
        <source>end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/products.py" line="122" />
        <location filename="../../cli/reviews.py" line="404" />
        <location filename="../../cli/shows.py" line="276" />
        <source>product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="277" />
        <source>price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/reviews.py" line="394" />
        <location filename="../../cli/shows.py" line="278" />
        <source>stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="279" />
        <source>host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="284" />
        <source>content mix: {mix}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="290" />
        <source>no findings: every limit holds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="292" />
        <source>error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="293" />
        <source>warning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="302" />
        <source>{errors}, {warnings}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="304" />
        <source>{n} error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="304" />
        <source>{n} errors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="308" />
        <source>{n} warning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/shows.py" line="309" />
        <source>{n} warnings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="48" />
        <source>{option} {text!r} is not a date; expected YYYY-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="212" />
        <source>GMV {gmv} of target {target}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="180" />
        <source>{n} shows to come; each needs {needed}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="176" />
        <source>no shows to come</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="178" />
        <source>1 show to come; it needs {needed}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="190" />
        <source>{n} show without figures: its date has passed and no metrics were imported ({ids})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="193" />
        <source>{n} shows without figures: their dates have passed and no metrics were imported ({ids})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="201" />
        <source>reported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="202" />
        <source>to come</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="203" />
        <source>no figures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="223" />
        <location filename="../../cli/campaigns.py" line="416" />
        <location filename="../../cli/library.py" line="173" />
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="224" />
        <location filename="../../cli/campaigns.py" line="417" />
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="225" />
        <location filename="../../cli/library.py" line="251" />
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="227" />
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="228" />
        <location filename="../../cli/campaigns.py" line="421" />
        <location filename="../../cli/library.py" line="256" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="248" />
        <location filename="../../cli/library.py" line="250" />
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="250" />
        <source>So far</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="251" />
        <source>Target so far</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="311" />
        <source>added campaign {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="325" />
        <source>nothing to change: give --title, --start, --end or a --target-NAME</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="341" />
        <source>changed campaign {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="349" />
        <source>campaign {id} counts {n} show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="350" />
        <source>campaign {id} counts {n} shows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="367" />
        <source>note: show {show} was in campaign {id} already</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="380" />
        <source>warning: show {show} ({title}) is planned for {day}, outside the campaign's dates ({start} – {end}); it is counted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="418" />
        <source>End</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="419" />
        <source>Shows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="420" />
        <source>Target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="445" />
        <source>deleted campaign {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/campaigns.py" line="460" />
        <source>{name}: a campaign report is written as .pdf or .xlsx</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="46" />
        <source>saved team template {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="55" />
        <source>Template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="56" />
        <source>Segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="57" />
        <source>Length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="58" />
        <source>Products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="59" />
        <source>Saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="60" />
        <source>By</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="85" />
        <source>deleted team template {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="127" />
        <source>library product {id}: {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="148" />
        <source>nothing to change: give --name, --sku, --cost or --list-price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="164" />
        <source>deleted library product {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="174" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="175" />
        <source>Link / SKU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="176" />
        <source>List price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="177" />
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="195" />
        <source>added {name} to show {show} as product {id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="249" />
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="252" />
        <source>Stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="253" />
        <source>Sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="254" />
        <source>Sell-through</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/library.py" line="255" />
        <source>GMV/min pitched</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/sharing.py" line="53" />
        <source>Sharing the live desk of {title!r} on {url} (Ctrl+C stops):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/sharing.py" line="62" />
        <source>A collector posts JSON lines of the platform's figures to {url}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/alerts.py" line="59" />
        <source>off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/alerts.py" line="62" />
        <source>online viewers down {drop} within {minutes} minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/alerts.py" line="71" />
        <source>GMV {behind} behind the pace to target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/alerts.py" line="77" />
        <source>on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/alerts.py" line="80" />
        <source>Viewers drop: {what}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/alerts.py" line="81" />
        <source>Pace: {what}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../cli/alerts.py" line="82" />
        <source>Flash sale sold out: {what}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../ui/editor/commands.py" line="30" />
        <source>team member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="31" />
        <source>product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="32" />
        <source>promo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="33" />
        <source>cue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="34" />
        <source>release</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="19" />
        <source>The script is locked (%1), so nothing was changed: unlock it for editing first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="27" />
        <source>This window is read-only (the database file cannot be written), so nothing was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="32" />
        <source>This window is read-only (the database's folder cannot be written), so nothing was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="38" />
        <source>This window is read-only (another liveplanner has the database open), so nothing was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="44" />
        <source>That was deleted meanwhile (by someone else, or in another window), so nothing was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="150" />
        <source>Someone else changed the %1 “%2” since; nothing was changed over it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="219" />
        <source>Someone else changed the %1 “%2” meanwhile; their version was kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="240" />
        <source>segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="248" />
        <source>Edit segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="274" />
        <source>Set %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="338" />
        <source>Move segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="377" />
        <source>Edit %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="416" />
        <source>Add %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="436" />
        <source>Delete %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="451" />
        <source>Edit show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="466" />
        <source>show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/advice_edits.py" line="39" />
        <location filename="../../ui/editor/segment_actions.py" line="23" />
        <source>Insert segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/editor/advice_edits.py" line="43" />
        <source>Apply advice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_flow.py" line="69" />
        <source>New show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_flow.py" line="85" />
        <source>Add demo show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_flow.py" line="113" />
        <source>Duplicate show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/show_list_page.py" line="173" />
        <source>Delete show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321" />
        <source>Import script</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <location filename="../../ui/history_texts.py" line="22" />
        <source>show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="23" />
        <source>segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="24" />
        <source>cue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="25" />
        <source>product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="26" />
        <source>promo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="27" />
        <source>release</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="28" />
        <source>team member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="29" />
        <source>note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="96" />
        <source>Reordered the segments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="98" />
        <source>Imported metrics from %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="102" />
        <source>Imported product figures from %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="106" />
        <source>Created the show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="111" />
        <source>Added %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="113" />
        <source>Removed %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="121" />
        <source>Changed %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="134" />
        <source>Status: %1 → %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="140" />
        <source>Unlocked the script for editing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="142" />
        <source>Locked the script again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="146" />
        <source>Moved the show to the bin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/history_texts.py" line="148" />
        <source>Took the show back out of the bin</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="30" />
        <source>Douyin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31" />
        <source>Taobao Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32" />
        <source>Kuaishou</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33" />
        <source>TikTok Shop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34" />
        <source>WeChat Channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99" />
        <source>Douyin E-commerce Compass · live minute data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102" />
        <source>Douyin live big screen · running totals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="105" />
        <source>Douyin · GMV per minute (room_id, session_date, time, gmv_min)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="108" />
        <source>Douyin · minute_trend (JSON)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="109" />
        <source>Taobao Live · console minute data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="110" />
        <source>Kuaishou shop · live minute data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="111" />
        <source>TikTok Shop · LIVE Analytics</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112" />
        <source>Screen logger · 30-second running totals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="25" />
        <location filename="../../ui/labels.py" line="35" />
        <location filename="../../ui/labels.py" line="72" />
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41" />
        <source>Draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42" />
        <source>Approved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43" />
        <source>Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44" />
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45" />
        <source>Reviewed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="18" />
        <source>Opening</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="19" />
        <source>Product intro</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="20" />
        <source>Coupon drop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="21" />
        <location filename="../../ui/labels.py" line="61" />
        <source>Flash sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="22" />
        <location filename="../../ui/labels.py" line="62" />
        <source>Lucky draw</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="23" />
        <source>Q&amp;A</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="24" />
        <source>Closing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="9" />
        <source>Host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="10" />
        <source>Co-host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="11" />
        <source>Floor control</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="12" />
        <source>Customer service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="13" />
        <source>Operations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="14" />
        <source>Tech</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60" />
        <source>Coupon</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63" />
        <source>Gift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69" />
        <source>Products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70" />
        <source>Promotions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71" />
        <source>Interaction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="30" />
        <source>Online viewers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="31" />
        <source>Entries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="32" />
        <source>Exits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="33" />
        <source>Views</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="34" />
        <source>Unique viewers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="35" />
        <source>GMV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="36" />
        <source>Orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="37" />
        <source>Buyers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="38" />
        <source>Items sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="39" />
        <source>Product clicks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="40" />
        <source>Comments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="41" />
        <source>Likes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="42" />
        <source>Shares</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="43" />
        <source>New followers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="44" />
        <source>Ad spend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="45" />
        <source>Added to cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="46" />
        <source>Product exposures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/messages/names.py" line="47" />
        <source>Average watch time (s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/labels.py" line="129" />
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>script</name>
    <message>
        <location filename="../../ui/script/texts.py" line="16" />
        <source>— not read —</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="18" />
        <source>No.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="19" />
        <source>Start time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="20" />
        <source>Length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="21" />
        <source>Segment kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="22" />
        <source>Segment title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="23" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="24" />
        <source>Link no. / SKU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="25" />
        <source>List price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="26" />
        <source>Live price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="27" />
        <source>Stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="28" />
        <source>Offers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="29" />
        <source>Talking points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="30" />
        <source>Notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="41" />
        <source>Row {row}, column “{column}”: “{value}” is kept in the segment's notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/script/texts.py" line="45" />
        <source>Row {row}: “{value}” is no segment and was left out</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>web</name>
    <message>
        <location filename="../../web/words.py" line="10" />
        <source>Live desk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="11" />
        <source>Host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="12" />
        <source>Co-host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="13" />
        <source>Floor control</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="14" />
        <source>Customer service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="15" />
        <source>Ops</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="16" />
        <source>Tech</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="17" />
        <source>Viewer (read only)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="18" />
        <source>Not started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="19" />
        <source>Running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="20" />
        <source>Paused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="21" />
        <source>Overtime</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="22" />
        <source>Finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="23" />
        <source>No run is open: the plan, counting nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="24" />
        <source>Rehearsal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="25" />
        <source>Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="27" />
        <source>Last segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="28" />
        <source>Cues</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="29" />
        <source>Release checklist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="30" />
        <source>Nothing due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="31" />
        <source>Products and promos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="32" />
        <source>None in this segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="33" />
        <source>Stock left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="34" />
        <source>Sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="35" />
        <source>Released</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="36" />
        <source>Claimed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="37" />
        <source>Sold out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="38" />
        <source>Mark sold out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="39" />
        <source>Released +</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="40" />
        <source>units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="41" />
        <source>Last ticks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="42" />
        <source>No ticks yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="43" />
        <source>Sold out — move on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="44" />
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="45" />
        <source>Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="46" />
        <source>in {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="47" />
        <source>{time} ago</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="48" />
        <source>Reconnecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="49" />
        <source>Cue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="56" />
        <source>Lucky draw</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="58" />
        <source>The show's figures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="59" />
        <source>GMV so far</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="60" />
        <source>GMV so far (yuan)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="61" />
        <source>Pace to target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="62" />
        <source>Online now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="63" />
        <source>Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="64" />
        <source>Feed: {lines} lines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="65" />
        <source>Feed: {bad} of {lines} lines refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="66" />
        <source>No feed yet: figures come from a collector, a file or floor control</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="54" />
        <source>Coupon</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="26" />
        <source>Next: {title} ({time})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="50" />
        <source>Put on the shelf</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="51" />
        <source>Set the price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="52" />
        <source>Release coupons</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="53" />
        <source>Start the draw</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="55" />
        <source>Flash sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../web/words.py" line="57" />
        <source>Gift</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>