<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>No shows yet.
Add the demo show (File ▸ Add demo show) to see a full plan.</source>
        <translation>还没有直播场次。
添加演示场次（文件 ▸ 添加演示场次）即可查看完整方案。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="54"/>
        <source>Search titles and rooms</source>
        <translation>搜索标题或直播间</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68"/>
        <source>Add &amp;demo show</source>
        <translation>添加演示场次(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>Shows</source>
        <translation>场次</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="94"/>
        <source>%n show(s)</source>
        <translation>
            <numerusform>共 %n 场</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>Could not add the demo show</source>
        <translation>无法添加演示场次</translation>
    </message>
</context>
<context>
    <name>ShowListModel</name>
    <message>
        <location filename="../../ui/show_list_model.py" line="41"/>
        <source>Start</source>
        <translation>开播时间</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="42"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="43"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="44"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="45"/>
        <source>Segments</source>
        <translation>环节数</translation>
    </message>
    <message>
        <location filename="../../ui/show_list_model.py" line="46"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="10"/>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="11"/>
        <source>Taobao Live</source>
        <translation>淘宝直播</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="12"/>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="13"/>
        <source>TikTok Shop</source>
        <translation>TikTok Shop</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="14"/>
        <source>WeChat Channels</source>
        <translation>视频号</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22"/>
        <source>Approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>Live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>Done</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Reviewed</source>
        <translation>已复盘</translation>
    </message>
</context>
</TS>
