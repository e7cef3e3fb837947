# 沟通、通知与路演。
nav-messages = 消息
nav-notifications = 通知
nav-events = 路演

conv-section = 沟通
conv-help = 在这里与各方沟通：临床医生、工程师和组织方。每条新消息都会通过站内通知和邮件送达他们。
conv-none = 尚无沟通。
conv-start = 发起沟通
field-conv-title = 主题
field-conv-message = 消息
conv-file = 附件（可选）
conv-file-hint = PDF、PNG、JPEG、Word、Excel 或 PowerPoint，最大 { $max } MB。
conv-send = 发送
conv-reply = 回复
conv-messages-count = { $n } 条消息
conv-unread = { $n } 条未读
conv-last = 最新消息
conv-new-marker = 自上次查看以来的新消息
conv-about = 关于
conv-kind-need = 临床需求
conv-kind-submission = 解决方案
conv-kind-project = 项目
conv-mine-title = 我的沟通
conv-mine-none = 您尚未参与任何沟通。可在临床需求、解决方案或项目页面发起沟通。
conv-files = 附件
conv-refused = 消息未发送：
conv-notice = { $name } 在“{ $title }”中发言。
conv-mail-subject = [drx] 新消息：{ $title }
conv-mail-body =
    { $recipient }，您好：

    { $name } 在 drx 的沟通“{ $title }”中写道：

    { $message }

    查看并回复：{ $link }

notif-title = 通知
notif-none = 暂无通知。
notif-mark-read = 标为已读
notif-mark-all = 全部标为已读
notif-unread = 未读
notif-open = 打开

roadshows-title = 路演
roadshow-help = 决赛项目向医院、企业和投资方展示解决方案。可报名参加，或将路演加入日历。
roadshow-none = 暂无路演安排。
roadshow-new = 新建路演
roadshow-create = 创建路演
roadshow-call = 赛事
field-roadshow-title = 标题
field-roadshow-location = 地点
field-roadshow-description = 简介
roadshow-starts = 开始
roadshow-ends = 结束
roadshow-time-hint = 北京时间（UTC+8）。
roadshow-when = 时间
roadshow-where = 地点
roadshow-agenda = 议程
roadshow-agenda-none = 议程中尚无展示项目。
roadshow-agenda-add = 添加展示项目
roadshow-finalist = 决赛项目
roadshow-no-finalists = 该赛事尚无决赛项目。
roadshow-slot = 时段
roadshow-presenter = 展示人
roadshow-blind = 本赛事为盲评：不显示展示人和医院。
roadshow-remove = 移除
roadshow-register = 报名
roadshow-unregister = 取消报名
roadshow-registered = 您已报名。
roadshow-login-to-register = 登录后即可报名。
roadshow-registrants = 报名情况
roadshow-registrants-none = 尚无人报名。
roadshow-count = 已报名 { $n } 人
roadshow-ics = 加入日历（.ics）
roadshow-past = 往期路演
roadshow-upcoming = 即将举行的路演
roadshow-email = 邮箱
roadshow-organization = 单位
roadshow-registered-at = 报名时间
roadshow-no-calls = 您未负责任何赛事，不能创建路演。
error-roadshow-time = 请输入日期和时间，例如 2026-12-01 14:00。
error-roadshow-order = 结束时间必须晚于开始时间。
error-roadshow-outside = 展示时段必须在路演时间之内。
error-roadshow-overlap = 该时段与其他展示项目重叠。
error-roadshow-not-finalist = 只有本路演所属赛事的决赛项目才能展示。
error-roadshow-duplicate = 该决赛项目已在议程中。
error-roadshow-over = 路演已结束，报名已关闭。
roadshow-mail-subject = 报名成功：{ $title }
roadshow-mail-body =
    { $name }，您好：

    您已报名参加路演“{ $title }”。
    时间：{ $starts } 至 { $ends }（北京时间）
    地点：{ $location }

    路演页面：{ $link }
    加入日历：{ $ics }
