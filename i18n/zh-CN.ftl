# loyal 的中文（简体）消息目录。与 en.ftl 的消息编号一一对应。

## 相对日期与时长
day-today = 今天
day-yesterday = 昨天
day-tomorrow = 明天
day-ago = { $n }天前
day-in = { $n }天后
span-days = { $d }天{ $h }小时
span-hours = { $h }小时{ $m }分
span-minutes = { $m }分

## 计数
count-contacts = { $n }次联系

## Segments (RFM)
segment-champions = 冠军客户
segment-loyal = 忠诚客户
segment-potential-loyalist = 潜在忠诚
segment-new = 新客户
segment-promising = 有潜力
segment-needs-attention = 需要关注
segment-about-to-sleep = 即将沉睡
segment-at-risk = 流失风险
segment-can-t-lose-them = 不能失去
segment-hibernating = 沉睡客户
segment-lost = 已流失

## Value classes
value-class-mvc = MVC
value-class-mgc = MGC
value-class-bz = BZ
value-class-standard = 普通

## Loyalty ladder
stage-prospect = 潜在客户
stage-target = 目标客户
stage-first-time = 首次购买
stage-repeat = 重复购买
stage-loyal = 忠诚客户
stage-advocate = 推荐者

## Periods
period-week = 周
period-month = 月
period-quarter = 季度

## Roles
role-viewer = 只读
role-agent = 客服
role-admin = 管理员

## Care plans
care-purpose-birthday = 生日关怀
care-purpose-post_purchase = 购后回访
care-purpose-reorder = 再订提醒
care-purpose-delivery = 送货跟进
care-purpose-payment = 回款提醒
care-purpose-stay_in_touch = 保持联系
care-purpose-satisfaction = 满意度回访
care-purpose-custom = 自定义

## Care plan status
care-plan-status-open = 待办
care-plan-status-done = 已完成
care-plan-status-skipped = 已跳过

## Recurrence
recurrence-unit-days = 天
recurrence-unit-weeks = 周
recurrence-unit-months = 月
recurrence-unit-years = 年

## Customer status
status-active = 活跃
status-churned = 已流失
status-won_back = 已挽回

## Gender
gender-female = 女
gender-male = 男
gender-other = 其他

## Severity
severity-low = 低
severity-normal = 普通
severity-high = 高
severity-urgent = 紧急

## Complaint status
complaint-status-new = 新建
complaint-status-acknowledged = 已受理
complaint-status-in_progress = 处理中
complaint-status-resolved = 已解决
complaint-status-closed = 已关闭

## Complaint history
complaint-event-opened = 登记
complaint-event-status_change = 状态变更
complaint-event-reply = 回复
complaint-event-note = 内部备注
complaint-event-customer_contact = 客户来电
complaint-event-escalated = 已升级

## Imports
import-state-running = 进行中
import-state-done = 已完成
import-state-rolled_back = 已回滚
import-state-resumed = 已续传
import-state-rolling_back = 回滚中

## Direction
direction-inbound = 呼入
direction-outbound = 呼出

## Follow-up kinds
follow-up-kind-care = 关怀
follow-up-kind-sales = 销售
follow-up-kind-service = 服务
follow-up-kind-survey = 调查
follow-up-kind-win_back = 挽回
follow-up-kind-other = 其他

## Channels
channel-phone = 电话
channel-email = 邮件
channel-visit = 拜访
channel-sms = 短信
channel-chat = 在线聊天
channel-web = 网页
channel-other = 其他

## 工作台操作（帮助与命令面板）
action-quit = 退出（表单有未保存内容时先询问）
action-force_quit = 立即退出
action-help = 显示本窗格的按键
action-palette = 按名称运行任意操作
action-lookup = 快速查找：电话尾号、姓名、拼音、邮箱、编号
action-back = 关闭卡片、浮层或筛选；返回
action-refresh = 重新载入屏幕内容
action-pane_customers = 客户窗格
action-pane_followups = 跟进窗格
action-pane_complaints = 投诉窗格
action-pane_rfm = RFM 窗格
action-next_pane = 下一个窗格
action-prev_pane = 上一个窗格
action-down = 下移
action-up = 上移
action-top = 到第一行
action-bottom = 到最后一行
action-page_down = 下一页
action-page_up = 上一页
action-open = 打开所选行
action-log_followup = 记录与该客户的跟进
action-open_complaint = 为该客户登记投诉
action-add_care_plan = 为该客户安排关怀计划
action-edit_customer = 编辑该客户档案
action-new_customer = 新增客户
action-sort = 按下一列排序
action-reverse_sort = 反转排序
action-filter = 筛选列表（stage:、segment:、owner:、tag:、status:…）
action-clear_filter = 取消筛选，显示全部
action-plan_done = 完成关怀计划并记录联系
action-plan_skip = 跳过关怀计划（周期计划继续）
action-next_view = 切换视图（日程、最近记录、被遗忘的客户）
action-acknowledge = 受理投诉（首次回应）
action-start_work = 开始处理投诉
action-reply = 回复客户
action-note = 添加内部备注
action-customer_contact = 客户再次来电
action-resolve = 结案并填写根本原因
action-close = 关闭已解决的投诉
action-reopen = 重新打开投诉
action-assign = 指派投诉给同事
action-as_of = 按另一个日期计算评分
action-log_call = 记录本次来电（电话、呼入），客户已填好
action-plan_reorders = 为每位该再订的客户安排再订电话
action-audit = 审计记录：谁在何时改了什么
action-roles = 谁有哪个角色
action-set_role = 给同事分配角色（管理员）
action-merge = 把另一个客户档案合并到本档案（管理员）
action-import = 导入客户、订单、联系记录、计划或投诉文件
action-export = 导出客户、订单等到文件（管理员）
action-next_field = 下一栏
action-prev_field = 上一栏
action-line_up = 上一行（在第一行时：上一栏）
action-line_down = 下一行（在最后一行时：下一栏）
action-submit = 保存表单
action-reload_form = 载入同事刚保存的内容（保留你输入的）
action-char_left = 光标左移（选项：上一个值）
action-char_right = 光标右移（选项：下一个值）
action-word_left = 光标移到上一个词
action-word_right = 光标移到下一个词之后
action-line_start = 光标移到行首
action-line_end = 光标移到行尾
action-delete_back = 删除光标前的字符
action-delete_forward = 删除光标处的字符
action-delete_word_back = 删除光标前的词
action-delete_word_forward = 删除光标后的词
action-clear_to_start = 删除到行首
action-clear_to_end = 删除到行尾
action-newline = 换行（备注和描述中）
action-yes = 回答是
action-no = 回答否

## 按键分组（帮助）
section-global = 全局
section-list = 所有列表
section-customers = 客户
section-card = 客户卡片
section-followups = 跟进
section-complaints = 投诉
section-rfm = RFM
section-form = 表单中
section-input = 编辑文字
section-lookup = 快速查找
section-palette = 命令面板
section-help = 本帮助
section-confirm = 提问（是或否）

## SLA 与列表
sla-breached-ago = ! 已超时 { $span }
sla-breached-left = ! 已超时（剩 { $span }）
sla-breached = ! 已超时
sla-over = ! 超时 { $span }
sla-late-left = ! 已迟，剩 { $span }
sla-soon-left = ~ 剩 { $span }
sla-left = 剩 { $span }
sla-met = 已达标
list-row-of = 第 { $row } 行，共 { $total } 行

## 屏幕
screen-too-small = loyal 需要至少 { $min_w }x{ $min_h } 的终端，当前为 { $w }x{ $h }。请放大窗口（q 退出）。
report-footer = { $lines } · { $down }/{ $up } 滚动 · 其他键关闭
count-lines = { $n } 行
notes-any-key = （按任意键关闭）
notes-title = 按键设置提示
hint-save = 保存
hint-next-field = 下一栏
hint-change-choice = 切换选项
hint-new-line = 换行
hint-cancel = 取消
tab-card = [卡片]
importing-rows = 正在导入 { $name }：{ $done } / { $total } 行
checking-rows = 正在检查 { $name }：{ $done } 行
status-find = 查找
status-keys = 按键
status-actions = 操作
status-quit = 退出
pane-customers = 客户
pane-followups = 跟进
pane-complaints = 投诉
pane-rfm = RFM
help-title = 本处按键
help-footer = j/k 滚动 · 其他键关闭 · : 按名称运行操作
lookup-bug = 查找返回了意外结果（程序错误）
lookup-title = 查找客户
lookup-footer = 电话号码或尾号 · 姓名 · 拼音 · 邮箱 · 编号 · ↑↓ 选择 · Enter 打开 · Esc 关闭
lookup-no-match = 没有匹配
lookup-hint = 输入电话尾号、姓名（张三、zhangsan 或 zs）、邮箱…
palette-title = 运行操作
palette-footer = 输入以筛选 · ↑↓ · Enter 运行 · Esc 关闭
palette-no-match = 没有匹配的操作

## 客户窗格
sort-id = 编号
sort-name = 姓名
sort-last-contact = 最近联系
sort-last-order = 最近订单
sort-spend = 消费额
sort-segment = 细分
sort-stage = 阶段
sort-clv = 客户终身价值
sort-alive = 最可能流失
customers-bug = 客户列表返回了意外结果（程序错误）
unexpected-answer = 意外的结果（程序错误）
customers-sorted-by = 按{ $key }排序
customers-sorted-by-reversed = 按{ $key }倒序
customers-filter = 筛选：{ $filter }
customers-scoring = 评分中…
col-name = 姓名
col-phone = 电话
col-stage = 阶段
col-segment = 细分
col-value = 价值
col-contacted = 最近联系
col-owner = 负责人
col-clv = CLV
col-alive = 存活
customers-cannot-read = 无法读取客户：{ $error }
customers-none-yet = 还没有客户：按 n 新增，或导入文件（loyal import --help）。
customers-none-match = 没有符合筛选的客户（按 x 清除）。
rows-none = 无记录
rows-at = 第 { $row } 行，共 { $total } 行
rows-at-in-all = 第 { $row } 行，共 { $listed } 行（总计 { $total }）
customer-removed = （客户 { $id } 已删除）
never = 从未
filter-waits = 筛选需等评分完成（稍候）
sort-waits = 排序需等评分完成（稍候）
sorted-by = 已按{ $key }排序
no-customer-selected = 未选择客户
customers-filter-hint = stage: segment: value: owner: tag: status: influencer:yes slipping:yes 或姓名中的字
customers-filter-unknown = 未知的筛选条件 { $term }（可用 stage:、segment:、value:、status:、owner:、tag:、influencer:、slipping: 或姓名中的字）

## 跟进与投诉窗格
view-agenda = 日程
view-recent = 最近记录
view-forgotten = 被遗忘
view-switches = （v 切换）
agenda-first-of = 前 { $shown } 条，共 { $total } 条
agenda-loading = 正在载入日程…
agenda-empty = 未来 7 天没有安排。关怀计划会显示在这里（在客户上按 p 添加）。
col-when = 时间
col-due = 到期
col-purpose = 目的
col-customer = 客户
col-assignee = 处理人
col-note = 备注
group-overdue = ! 已逾期
group-today = 今天
group-soon = 即将
recent-loading = 正在载入记录…
recent-empty = 还没有联系记录。
col-at = 时间
col-channel = 渠道
col-staff = 员工
col-summary = 摘要
forgotten-counting = 正在统计久未联系的客户…
forgotten-at-least = ≥{ $days }天：{ $n }
forgotten-never = 从未联系：{ $n }
col-silent = 未联系
count-days = { $n }天
nothing-selected = 未选择任何内容
select-plan-first = 请先在日程中选择一个关怀计划
queue-filter-unknown = 未知的筛选条件 { $term }（可用 status:new、assignee:姓名、breached）
queue-open = 未结投诉
queue-filter = 筛选：{ $filter }
queue-most-urgent-of = 最紧急的 { $shown } 件，共 { $total } 件
queue-order = 最紧急的在前
queue-loading = 正在载入投诉队列…
col-id = 编号
col-severity-short = 级别
col-status = 状态
col-customer-category = 客户 · 类别
col-sla = 时限
col-calls = 来电
queue-empty = 队列为空。
escalated-short = 升级
detail-status = 状态
detail-status-line = { $status } · 级别 { $severity }（登记时 { $opened }）· { $contacts }
detail-escalated = 已升级
detail-sla = 时限
detail-category = 类别
detail-category-line = { $category } · 经{ $channel } · 处理人 { $assignee }
detail-description = 描述
detail-root-cause = 根本原因
detail-prevention = 预防措施
detail-history = 处理记录
no-complaint-selected = 未选择投诉
queue-filter-hint = status:new assignee:姓名 team:finance breached
hint-ack = 受理
hint-reply = 回复
hint-note = 备注
hint-contact = 来电
hint-resolve = 结案
hint-close = 关闭
hint-reopen = 重开
hint-back = 返回

## RFM 窗格
rfm-view-segments = 细分
rfm-view-churn = 按月流失
rfm-view-reorders = 该再订
rfm-view-causes = 根本原因
rfm-head = 截至 { $date } · 已评分客户 { $scored } · { $view } · { $keys }
rfm-scoring = 正在为所有客户评分…
reorders-finding = 正在查找该再订的客户…
col-expected = 预计
reorders-none = 一周内没有该再订的客户。
reorder-overdue = 已逾期 { $days }
reorder-in = { $days }后
causes-reading = 正在读取根本原因…
col-category = 类别
col-root-cause = 根本原因
col-complaints = 投诉数
col-others-too = 其他客户也有
col-latest = 最近
causes-none = 还没有带根本原因的已解决投诉（在投诉上按 R 结案并填写）。
col-customers-short = 客户
col-share = 占比
col-revenue = 收入
rfm-bars = 条形：收入占比
rfm-pareto = 帕累托（80/20）
rfm-pareto-top = 前 20%（{ $count } 位）贡献 { $share }
rfm-no-revenue = 尚无收入
rfm-pareto-80 = 80% 的收入来自 { $n } 位（{ $share }）
rfm-value-classes = 价值分类
rfm-ladder = 忠诚阶梯
rfm-curve = 曲线
churn-computing = 正在计算流失…
col-month = 月份
col-active = 活跃
col-new = 新增
col-back = 挽回
col-at-end = 期末
col-retention = 留存率
col-churn = 流失率
churn-partial = 未完
churn-footer = 流失 = { $days } 天无订单 · 已挽回：{ $won }
rfm-enter-where = 按 v 回到细分；在细分上按 Enter 列出其客户
reorders-planning = 正在为每位该再订的客户安排电话…
reorders-planned = 已安排 { $created } 个再订电话；{ $existing } 位客户已有安排
hint-another-date = 换个日期
hint-lists-segment = 列出细分客户
hint-opens = 打开
hint-plans-each = 为每位安排电话

## 来电界面
call-who = 客户
call-phone = 电话
call-owner = 负责人 { $owner }
call-value = 价值
call-talk = 要点
call-person = 性格
call-likes = 爱好
call-habits = 习惯
call-open = 未结
call-no-open = 没有未结投诉
call-more = 另有 { $n } 件
call-last = 最近
call-no-contact = 尚无联系
call-contact-line = { $date } { $channel } { $direction } · { $staff }：{ $summary }
call-next = 下次
call-no-plan = 没有关怀计划
call-not-scored = 未评分
call-scoring = 评分中…
call-no-order = 尚无订单
count-orders = { $n } 笔订单
call-spent-in = { $orders }共 { $total }
call-last-order = 最近 { $when }
call-next-order = 下次约 { $date }
talk-past-sla = { $id } 已超时
talk-birthday-today = 今天生日
talk-birthday-tomorrow = 明天生日
talk-birthday-in = { $days } 天后生日
talk-reorder-overdue = 再订已逾期 { $days }
talk-reorder-due = 再订 { $when }到期
talk-at-risk = 有流失风险（{ $segment }）
talk-never-contacted = 高价值，从未联系
talk-quiet-for = 高价值，已 { $days } 天未联系

## 客户卡片
card-bug = 客户卡片返回了意外结果（程序错误）
card-file = 档案
card-status = 状态
card-phone = 电话
card-email = 邮箱
card-company = 公司
card-city = 城市
card-address = 地址
card-owner = 负责人
card-birthday = 生日
card-prefers = 偏好渠道
card-tags = 标签
card-soft-notes = 软信息
card-personality = 性格
card-interests = 兴趣
card-habits = 习惯
card-value = 价值
card-rfm = RFM
card-rfm-line = R{ $r } F{ $f } M{ $m } · { $segment } · 距上次订单 { $days } 天
card-not-scored = 未评分（尚无订单）
card-stage = 阶段
card-value-class = 价值分类 { $class }
card-scoring = 评分中…
card-orders = 订单
card-orders-none = 尚无
card-orders-line = { $orders }，合计 { $total }，最近 { $last }
card-next-order = 下次订单
card-referrals = 推荐
card-referred-by = 推荐人
card-referred = 已推荐
card-last-change = 最近修改
card-last-change-line = { $at } · { $staff }（{ $user }）· { $action }
card-merged-ids = 已合并编号
card-changes = 修改记录
card-timeline = 时间线
card-nothing-yet = 暂无
hint-log-call = 记录来电
hint-follow-up = 跟进
hint-complaint = 投诉
hint-care-plan = 关怀计划
hint-edit = 编辑
hint-scroll = 滚动

## 卡片时间线
next-order-overdue = 预计 { $date }，已逾期 { $days }（约每 { $every } 天一次）
next-order-far = 预计 { $date }（{ $days }后；约每 { $every } 天一次）
next-order-near = 预计 { $date }（{ $when }；约每 { $every } 天一次）
timeline-order = 订单
timeline-contact = 联系
timeline-care-plan = 关怀计划
timeline-complaint = 投诉
timeline-contact-line = { $channel } { $direction } { $kind } · { $staff }：{ $summary }
timeline-satisfaction = （满意度 { $score }/5）
timeline-plan-line = { $purpose } { $due } 到期 [{ $status }]

## 表单栏目
field-summary = 摘要
field-channel = 渠道
field-direction = 方向
field-kind = 类型
field-outcome = 结果
field-satisfaction = 满意度 1-5
field-next-contact = 下次联系
field-category = 类别
field-description = 描述
field-severity = 级别
field-assignee = 处理人
field-due = 到期
field-at = 时间（时:分）
field-purpose = 目的
field-note = 备注
field-recurrence = 重复周期
field-customer-id = 客户编号
field-reason = 原因
field-filter = 筛选
field-date = 截至日期
field-user = 系统账户
field-role = 角色
field-other = 要合并的客户编号
field-text = 对客户说
field-text-reply = 回复
field-text-note = 备注
field-text-what-they-said = 客户所说
field-text-resolution = 处理结果
field-cause = 根本原因
field-why-customer-feels = 客户为何这样想
field-reasonable = 诉求合理吗？
field-what-we-did = 我们的处理
field-others-said-same = 其他客户也反映过？
field-prevention = 预防措施
field-to = 指派给
field-name = 姓名
field-phones = 电话
field-email = 邮箱
field-company = 公司
field-city = 城市
field-birthday = 生日
field-owner = 负责人
field-tags = 标签
field-personality = 性格
field-interests = 兴趣
field-habits = 习惯
field-referred-by = 推荐人（编号）
field-status = 状态
field-churn-reason = 流失原因
field-file = 文件
field-kind-holds = 内容
field-mode = 错误行
field-dry-run = 只检查
field-kind-what = 内容

## 表单与保存
form-required = 必须填写{ $field }
form-more-lines = 还有 { $n } 行
form-discard = 放弃已输入的内容？y = 放弃，其他键 = 继续编辑
satisfaction-range = { $text } 不在 1 到 5 之间
form-log-call = 记录与 { $name } 的来电
form-log-followup = 记录与 { $name } 的跟进
form-open-complaint = 为 { $name } 登记投诉
form-schedule-care = 为 { $name } 安排关怀
form-edit-customer = 编辑 { $name }（{ $id }）
form-new-customer = 新增客户
form-plan-done = 完成：{ $name } 的{ $purpose }
form-plan-done-summary = { $purpose }已完成
form-plan-skip = 跳过：{ $name } 的{ $purpose }
form-filter = 筛选（{ $hint }）
form-as-of = 评分截至（如 2026-06-30；不能用 -30d：请输入日期或 today）
saved-followup-next = 已记录跟进 { $id }；下次联系 { $due }
saved-followup = 已记录跟进 { $id }
saved-logged = 已记录
saved-complaint = 已登记投诉 { $id }
saved-complaint-plain = 已登记投诉
time-invalid = { $text } 不是 09:30 或 14:00 这样的时间
saved-plan = 已添加关怀计划 { $id }，{ $due } 到期
saved-plan-plain = 已添加关怀计划
saved-customer = 已保存 { $name }
saved-plain = 已保存
saved-new-customer = 已新增客户 { $id }
saved-new-customer-plain = 已新增客户
saved-done-next = { $id } 已完成并记录；下一次 { $due } 到期{ $note }
saved-done = { $id } 已完成并记录
saved-done-plain = 已完成并记录
saved-skipped-next = 已跳过 { $id }；下一次 { $due } 到期{ $note }
saved-skipped = 已跳过 { $id }
saved-skipped-plain = 已跳过
saved-step = { $id }：已完成，现为{ $status }
saved-step-plain = 已完成
import-not-save = 导入不是保存
nothing-to-save = 没有要保存的内容
complaint-form-ack = 受理
complaint-ack-text = 我们已收到您的投诉，正在处理
complaint-form-reply = 回复
complaint-form-note = 内部备注
complaint-form-contact = 客户再次来电
complaint-form-resolve = 结案
complaint-form-reopen = 重新打开
complaint-form-assign = 指派
complaint-form-title = { $step }：{ $id }（{ $name }）

## 工作台提示
key-not-bound = { $keys } 在此处没有绑定（按 ? 查看按键）
save-in-background = 保存在后台继续；结果会显示在这里
form-cancelled = 已取消，未保存
save-running = 仍在保存；请等待完成
quit-unsaved = 表单有未保存的内容：请先保存或按 Esc
reloading = 正在重新载入…
select-customer-first = 请先选择客户
sort-where = 排序用于客户列表（窗格 1）
filter-where = 筛选用于客户列表（1）和投诉队列（3）
plan-where = 请先在日程（窗格 2）中选择关怀计划
complaint-where = 请先在投诉窗格（3）中选择投诉
reorders-where = 再订电话在 RFM 窗格（4）的“该再订”视图中安排
audit-reading = 正在读取审计记录…
merge-open-first = 请先打开要保留的客户（在行上按 Enter，或按 /）
import-running = 正在导入；结束后显示报告
import-warning = 警告：{ $where }：{ $message }
import-skipped = 已跳过 { $where }
import-report = 导入
import-refused-head = { $name }：{ $bad } 行有错误；未写入任何内容（请修正，或选择“跳过错误行”再次导入）
import-nothing-written = { $name }：未写入任何内容
import-refused = 导入被拒绝
import-failed = 导入 { $name }：{ $error }
audit-title = 审计记录（最新在前）
roles-none = 还没有人被分配角色
roles-title = 角色（其他人使用团队默认角色）
role-set = 已设置角色
stale-hint = { $error }。按 Ctrl-R 载入最新版本并保留你输入的内容。
form-reloaded = 已载入最新版本；保留了你输入的内容
saving = 正在保存…
saving-waiting = 正在等待其他人写入（{ $seconds } 秒）… 屏幕仍可使用；Ctrl-C 退出
saving-seconds = 正在保存…（{ $seconds } 秒）
card-reading-bug = 客户卡片
set-role-title = 给同事分配角色
merge-title = 把另一个档案合并到 { $name }（{ $id }）：其订单、联系、投诉和计划都移到这里
role-now = { $user } 现在是{ $role }
merged-line = 已合并到 { $id }：移入订单 { $orders }、联系 { $contacts }、投诉 { $complaints }、关怀计划 { $plans }
merged = 已合并
birthday-future = 是未来的日期
birthday-invalid = { $text } 不是 1990-05-17 这样的日期
churn-reason-active = 活跃客户没有流失：请先设置状态，或清空此栏
import-all-or-nothing = 全部或不导入
import-skip-bad = 跳过错误行
choice-no = 否
choice-yes = 是
import-title = 导入文件（CSV、Excel、JSON 或 vCard）
export-title = 导出到文件
choose-kind = 请选择文件内容
file-cannot-open = 无法打开 { $file }：{ $error }
file-is-folder = { $file } 是文件夹；请指定其中的文件
file-exists = { $file } 已存在；请指定新文件（不会覆盖）
file-cannot-write = 无法写入 { $file }：{ $error }
exported = 已导出 { $rows } 行到 { $file }
complaint-bug = 投诉返回了意外结果（程序错误）
nothing-to-reload = 没有要重新载入的内容
kind-customers = 客户
kind-orders = 订单
kind-followups = 跟进记录
kind-care-plans = 关怀计划
kind-complaints = 投诉
unexpected-bug = 服务返回的不是{ $what }（程序错误）

## 命令行：clap 的用语
cli-usage = 用法：
cli-heading-commands = 命令
cli-heading-options = 选项
cli-heading-arguments = 参数
cli-help-flag = 显示帮助

## 命令行：命令与选项
cli-about-loyal = 终端客户忠诚度工作台：客户档案、跟进、投诉与 RFM 分析
cli-arg-loyal-db = 数据库文件 [默认：数据目录中的 loyal.redb]
cli-arg-loyal-keymap = 工作台的按键方案：default、vim、emacs 或 TOML 文件 [默认：取自配置]
cli-arg-loyal-lang = 界面语言：zh（中文）或 en [默认：LOYAL_LANG、配置，然后是系统区域]
cli-about-loyal-demo = 用自带数据新建演示数据库，然后打开工作台
cli-arg-loyal-demo-no_tui = 只建数据库，不打开工作台
cli-about-loyal-import = 导入 CSV 或 JSON 文件（除非 --skip-bad，否则全部或不导入）
cli-arg-loyal-import-file = 要导入的文件；`-` 表示标准输入
cli-arg-loyal-import-format = 文件格式 [默认：按文件名，否则 csv]
cli-arg-loyal-import-dry_run = 全部检查并报告会改变什么；不写入
cli-arg-loyal-import-skip_bad = 导入正确的行；把错误行连同原因写入 FILE
cli-arg-loyal-import-create_missing = 为不存在的客户编号建立最简档案
cli-arg-loyal-import-one_transaction = 在一个事务中写入全部（稍快，但其他人的保存要等它结束；适合无人工作时）。默认方式：按日志编号分段写入（`loyal imports`），遇到他人保存即让路
cli-about-loyal-export = 把某类全部记录导出为 CSV 或 JSON（可原样导回）
cli-arg-loyal-export-out = 写入此文件而不是标准输出（`-`：标准输出）
cli-about-loyal-lookup = 按电话（或尾号 4 位以上）、姓名、拼音、首字母、邮箱、编号、公司查找客户
cli-arg-loyal-lookup-query = 来电者说的：号码、姓名、邮箱…
cli-arg-loyal-lookup-json = 等同于 --format json
cli-about-loyal-customer = 查看、新增、编辑或合并客户档案
cli-about-loyal-customer-show = 查看客户档案：基本信息、订单汇总、推荐和时间线
cli-arg-loyal-customer-show-timeline = 显示多少条时间线（最新在前）
cli-about-loyal-customer-add = 新增客户档案（疑似重复时拒绝，除非 --allow-duplicate）
cli-arg-loyal-customer-add-external_id = 外部编号（贵公司使用的编号）
cli-arg-loyal-customer-add-phones = 电话号码（可重复给出多个）
cli-arg-loyal-customer-add-birthday = 生日，YYYY-MM-DD
cli-arg-loyal-customer-add-tags = 标签（可重复给出多个）
cli-arg-loyal-customer-add-referred_by = 推荐此客户的客户外部编号
cli-arg-loyal-customer-add-preferred_channel = phone、email、visit、sms、chat、web、other
cli-arg-loyal-customer-add-status = active、churned、won_back
cli-arg-loyal-customer-add-allow_duplicate = 即使电话或邮箱与已有档案相同也新建
cli-about-loyal-customer-edit = 修改客户档案的栏目（只改给出的）
cli-arg-loyal-customer-edit-if_version = 如果档案已不是此版本（期间有人保存）则拒绝修改
cli-arg-loyal-customer-edit-phones = 电话号码（可重复给出多个）
cli-arg-loyal-customer-edit-birthday = 生日，YYYY-MM-DD
cli-arg-loyal-customer-edit-tags = 标签（可重复给出多个）
cli-arg-loyal-customer-edit-referred_by = 推荐此客户的客户外部编号
cli-arg-loyal-customer-edit-preferred_channel = phone、email、visit、sms、chat、web、other
cli-arg-loyal-customer-edit-status = active、churned、won_back
cli-about-loyal-customer-merge = 把 OTHER 并入 KEEP：订单、跟进、投诉、关怀计划、推荐和编号
cli-about-loyal-config = 显示每项生效的设置及其来源；修改一项
cli-about-loyal-config-show = 显示所有设置（默认）
cli-about-loyal-config-set = 设置团队设置（存于数据库）或个人设置（存于你的配置文件）
cli-about-loyal-config-unset = 把设置恢复为默认
cli-about-loyal-rfm = RFM 表：最近一次、频率、金额、评分、细分、价值分类、忠诚阶段
cli-arg-loyal-rfm-as_of = 按这一天计算评分（之后的订单不计）：2026-06-30、-30d … [默认：今天]
cli-arg-loyal-rfm-margin_rate = 毛利占收入的比例，如 0.30 [默认：团队设置 scoring.margin_rate]
cli-arg-loyal-rfm-complaint_cost = 一次投诉的成本 [默认：团队设置 scoring.complaint_cost]
cli-arg-loyal-rfm-contact_cost = 一次跟进联系的成本 [默认：团队设置 scoring.contact_cost]
cli-arg-loyal-rfm-churn_days = 多少天无订单算流失 [默认：团队设置 scoring.churn_days]
cli-arg-loyal-rfm-segment = 只看此细分（Champions、Loyal、At Risk…）
cli-about-loyal-report = 报表：pareto（80/20）、churn（按期留存）、segments、stages（阶梯）、values、causes、satisfaction（满意度）
cli-arg-loyal-report-as_of = 按这一天计算评分（之后的订单不计）：2026-06-30、-30d … [默认：今天]
cli-arg-loyal-report-margin_rate = 毛利占收入的比例，如 0.30 [默认：团队设置 scoring.margin_rate]
cli-arg-loyal-report-complaint_cost = 一次投诉的成本 [默认：团队设置 scoring.complaint_cost]
cli-arg-loyal-report-contact_cost = 一次跟进联系的成本 [默认：团队设置 scoring.contact_cost]
cli-arg-loyal-report-churn_days = 多少天无订单算流失 [默认：团队设置 scoring.churn_days]
cli-arg-loyal-report-period = 流失和满意度报表的周期
cli-arg-loyal-report-by = 满意度按客户负责人或按渠道分开；流失（留存）按客户负责人分开
cli-about-loyal-due = 按购买节奏预计即将再订的客户，逾期的在前
cli-arg-loyal-due-within = 在该日期后多少天内到期（包括已逾期的）
cli-arg-loyal-due-overdue_days = 包括最多逾期这么多天的客户（更久的算流失）
cli-arg-loyal-due-create_plans = 为每位客户建立再订关怀计划（已有未完成的除外）
cli-about-loyal-followup = 跟进记录：记下与客户的联系
cli-about-loyal-followup-log = 记录一次与客户的联系
cli-arg-loyal-followup-log-customer = 外部编号（或 #N）
cli-arg-loyal-followup-log-next = 下次联系：2026-12-01、tomorrow、+3d…（新建或移动“保持联系”计划）
cli-arg-loyal-followup-log-channel = phone、email、visit、sms、chat（微信）、web、other
cli-arg-loyal-followup-log-direction = in 或 out
cli-arg-loyal-followup-log-kind = care、sales、service、survey、win_back、other
cli-arg-loyal-followup-log-satisfaction = 1（很不满意）到 5（非常满意）
cli-arg-loyal-followup-log-staff = 与客户交谈的人 [默认：你的员工姓名]
cli-about-loyal-care = 关怀计划：预先安排的联系（添加、完成、跳过、生日）
cli-about-loyal-care-add = 预先安排一次联系
cli-arg-loyal-care-add-due = 2026-12-01、tomorrow、+3d、+1m…
cli-arg-loyal-care-add-time = HH:MM
cli-arg-loyal-care-add-purpose = birthday、post_purchase、reorder、delivery、payment、stay_in_touch、satisfaction、custom
cli-arg-loyal-care-add-every = 重复："1 month"、"2w"、"yearly"…
cli-about-loyal-care-done = 标记计划完成（加 --log 同时记录联系）；周期计划会安排下一次
cli-arg-loyal-care-done-log = 同时记录跟进，摘要为此
cli-arg-loyal-care-done-channel = phone、email、visit、sms、chat（微信）、web、other
cli-arg-loyal-care-done-direction = in 或 out
cli-arg-loyal-care-done-kind = care、sales、service、survey、win_back、other
cli-arg-loyal-care-done-satisfaction = 1（很不满意）到 5（非常满意）
cli-arg-loyal-care-done-staff = 与客户交谈的人 [默认：你的员工姓名]
cli-about-loyal-care-skip = 跳过计划；周期计划会安排下一次
cli-about-loyal-care-birthdays = 为即将到来的生日建立生日关怀计划（不重复）
cli-about-loyal-agenda = 未完成的关怀计划：逾期的在前，然后是今天，再是之后几天
cli-arg-loyal-agenda-date = 从哪一天看：2026-12-01、today、tomorrow、+3d、-1d [默认：今天]
cli-arg-loyal-agenda-owner = 只看此人的计划（处理人或客户负责人）
cli-about-loyal-forgotten = 一段时间没人联系的客户（7/15/30/90/180 天、从未）
cli-arg-loyal-forgotten-days = 列出至少这么多天未联系的客户
cli-about-loyal-complaints = 投诉队列：超时的在前，然后按剩余时间，再按级别
cli-arg-loyal-complaints-status = new、acknowledged、in_progress、resolved、closed [默认：所有未结状态]
cli-arg-loyal-complaints-breached = 只看超过时限的投诉
cli-about-loyal-complaint = 单个投诉：open、show、ack、start、reply、note、contact、resolve、close、reopen、assign、route
cli-about-loyal-complaint-open = 为客户登记投诉
cli-arg-loyal-complaint-open-severity = low、normal、high、urgent
cli-about-loyal-complaint-show = 查看投诉及其时限状态和处理记录
cli-about-loyal-complaint-ack = 受理（首次回应）
cli-about-loyal-complaint-start = 开始处理
cli-about-loyal-complaint-reply = 回复客户（算作首次回应）
cli-about-loyal-complaint-note = 内部备注
cli-about-loyal-complaint-contact = 客户就此再次来电（第 5 次联系时升级）
cli-about-loyal-complaint-resolve = 结案，并做根本原因分析
cli-arg-loyal-complaint-resolve-text = 等同于 TEXT
cli-arg-loyal-complaint-resolve-cause = 原因，用几个词（报表按此分组）
cli-arg-loyal-complaint-resolve-why = 客户为什么会有这种感受？
cli-arg-loyal-complaint-resolve-what_we_did = 我们做了或说了什么导致这样？
cli-arg-loyal-complaint-resolve-reasonable = 诉求合理吗？
cli-arg-loyal-complaint-resolve-others = 其他客户也反映过吗？
cli-arg-loyal-complaint-resolve-prevent = 怎样防止再次发生？
cli-about-loyal-complaint-close = 关闭已解决的投诉
cli-about-loyal-complaint-reopen = 重新打开已解决或已关闭的投诉
cli-about-loyal-complaint-assign = 交给同事处理
cli-about-loyal-audit = 谁在何时改了什么（最新在前）
cli-arg-loyal-audit-customer = 只看此客户（外部编号或 #N）
cli-arg-loyal-audit-user = 只看此系统账户或员工姓名
cli-arg-loyal-audit-since = 只看此日期之后：2026-11-01、yesterday、-7d、2w ago …
cli-about-loyal-init = 建立数据库：只给你用，或与一组员工共享
cli-arg-loyal-init-group = 与此 Unix 组共享文件（0660，setgid 目录）
cli-about-loyal-role = 角色：谁可以查看（viewer）、工作（agent）或管理（admin）
cli-about-loyal-role-list = 列出已分配的角色（默认）
cli-about-loyal-role-set = 给系统账户分配角色：viewer、agent 或 admin（仅管理员）
cli-about-loyal-imports = 导入日志；`imports rollback ID` 撤销一次导入
cli-about-loyal-imports-rollback = 撤销编号为 ID 的导入（最新的改动先撤；它新建的订单删除，改过的恢复原版本）。需要管理员角色
cli-about-loyal-whoami = 你在 loyal 中的身份：系统账户、员工姓名、角色
cli-about-loyal-stats = 数据库中各类记录的数量
cli-about-loyal-check = 对数据库文件做完整性检查（会读完整个文件）
cli-about-loyal-gen = 生成逼真的数据集（导入用 CSV 文件，供演示和基准测试）
cli-arg-loyal-gen-end = 生成历史的最后一天（订单分布在此前两年内）：日期或偏移（-30d）
cli-arg-loyal-gen-out = customers.csv、orders.csv、followups.csv、care-plans.csv、complaints.csv 的目录

## 表格中的相对日期
day-ago-short = { $n }天前
day-in-short = { $n }天后

## 命令行：输出与错误
cli-error = 错误：{ $message }
cli-caused-by = 原因：{ $cause }
queue-count = { $n } 件投诉，最紧急的在前
queue-col-id = 编号
queue-col-severity = 级别
queue-col-status = 状态
queue-col-customer = 客户
queue-col-category = 类别
queue-col-assignee = 处理人
queue-breached-response = 首次回应已超时
queue-breached-resolution = 解决已超时
queue-due-soon = 即将到期
sla-clock-response = 回应
sla-clock-resolution = 解决
err-unknown-customer = 没有客户 { $id }（用 `loyal lookup` 查找正确的编号）
err-forbidden = { $user } 是{ $role }：{ $role }不能{ $needs }（管理员可以修改：loyal role set { $user } { $needed }）
err-stale = { $what } 已被修改（现为版本 { $version }，由 { $by } 于 { $at } 修改）；请重新载入后再试
err-rejected = { $n } 行有错误；未写入任何内容
err-duplicate = 可能与以下档案重复：{ $matches }

## 命令行：跟进、关怀计划、日程
cli-logged-at = 已记录 { $id }（{ $at }）
cli-next-contact = 下次联系：{ $id }，{ $due } 到期
cli-logged = 已记录 { $id }
cli-plan-done = 已完成 { $id }
cli-plan-skipped = 已跳过 { $id }
cli-next-in-series = 系列中的下一次：{ $id }，{ $due } 到期{ $note }
cli-time-invalid = --time：{ $text } 不是 14:30 这样的时间
cli-planned = 已安排 { $id }（{ $purpose }），{ $due } 到期
cli-birthdays = 已为未来 { $within } 天建立 { $created } 个生日计划；{ $existing } 个已有安排
cli-agenda-for = { $date } 的日程{ $owner }
cli-agenda-overdue = 已逾期
cli-agenda-today = 今天
cli-agenda-coming = 未来几天
cli-nothing-planned = 没有安排
cli-forgotten-head = 截至 { $date } 未联系的客户{ $owner }
cli-forgotten-days = { $days }天以上
cli-forgotten-never = 从未
cli-forgotten-list = 未联系 { $days } 天以上（最久的在前，最多 { $limit } 位）：
cli-overdue-span = 逾期 { $span }

## 命令行：客户与查找
cli-added-customer = 已新增 { $id } { $name }（#{ $n }）
cli-possible-duplicate = 可能重复：{ $id } { $name } 的{ $reason }相同（loyal customer show { $id }）
cli-not-added = 未新增；加 --allow-duplicate 仍然新增，或编辑已有档案
cli-saved-customer = 已保存 { $id } { $name }（版本 { $version }）
cli-merged = 已把 { $other } 并入 { $id } { $name }：移入订单 { $orders }、跟进 { $followups }、投诉 { $complaints }、关怀计划 { $plans }、推荐 { $referrals }
cli-field-phone = 电话
cli-field-email = 邮箱
cli-field-company = 公司
cli-field-city = 城市
cli-field-address = 地址
cli-field-birthday = 生日
cli-field-tags = 标签
cli-field-owner = 负责人
cli-field-personality = 性格
cli-field-interests = 兴趣
cli-field-habits = 习惯
cli-field-channel = 偏好渠道
cli-field-churn = 流失原因
cli-field-orders = 订单
cli-orders-line = { $count } 笔，合计 { $total }，首次 { $first }，最近 { $last }
cli-orders-none = 尚无
cli-field-referred-by = 推荐人
cli-field-referred = 已推荐
cli-field-merged-ids = 已合并编号
cli-field-last-change = 最近修改
cli-last-change-line = { $action } · { $staff }（{ $user }）于 { $at }：{ $detail }
cli-timeline = 时间线（最新在前）：
cli-timeline-order = 订单
cli-timeline-followup = 跟进
cli-timeline-plan = 关怀计划
cli-timeline-complaint = 投诉
cli-no-match = 没有匹配 { $query } 的客户
cli-lookup-id = 编号
cli-lookup-name = 姓名
cli-lookup-phone = 电话
cli-lookup-city = 城市
cli-lookup-orders = 订单数
cli-lookup-last-order = 最近订单
cli-lookup-match = 匹配

## 命令行：投诉
cli-complaint-opened = 已为 { $name } 登记 { $id }（{ $severity }）；首次回应截止 { $due }
cli-complaint-step = { $id }：{ $status }（{ $severity }，{ $contacts }）
cli-escalated = 已升级
cli-satisfaction-planned = 已安排满意度回访：{ $id }，{ $due } 到期
cli-view-customer = 客户
cli-view-opened = 登记
cli-view-opened-line = { $at }，经{ $channel }
cli-view-assignee = 处理人
cli-view-nobody = （无）
cli-view-contacts = 联系次数
cli-view-response = 首次回应
cli-view-resolution = 解决
cli-view-due = 截止 { $at }
cli-view-answered = ，已于 { $at } 回应
cli-view-resolved = ，已于 { $at } 解决
cli-view-root-cause = 根本原因：{ $cause }
cli-view-why = 客户为什么会有这种感受
cli-view-what-we-did = 我们做了或说了什么
cli-view-reasonable = 诉求合理吗
cli-view-others = 其他客户也反映过吗
cli-view-prevent = 怎样预防
cli-view-history = 处理记录：
cli-causes-head = 按类别和原因汇总的已解决投诉（最常见的在前）
cli-causes-others = 其他客户也反映：{ $n }

## 命令行：分析
cli-rfm-head = RFM（截至 { $date }）：已评分客户 { $n }
cli-col-id = 编号
cli-col-name = 姓名
cli-col-days = 天数
cli-col-freq = 频率
cli-col-monetary = 金额
cli-col-segment = 细分
cli-col-value = 价值
cli-col-stage = 阶段
cli-col-risk = 风险
cli-at-risk = 有风险
cli-segments-head = 细分（截至 { $date }）
cli-col-customers = 客户数
cli-col-share = 占比
cli-col-revenue = 收入
cli-col-revenue-share = 收入占比
cli-ladder-head = 忠诚阶梯（截至 { $date }）
cli-values-head = 价值分类（截至 { $date }）
cli-pareto-head = 帕累托（截至 { $date }）：客户 { $customers }，收入 { $revenue }
cli-pareto-top = 前 20%（{ $count } 位客户）贡献 { $share } 的收入
cli-pareto-80 = 80% 的收入来自 { $k } 位客户（{ $share }）
cli-pareto-none = 没有可分的正收入
cli-pareto-decile = 前 { $pct }%
cli-churn-head = 按{ $period }的流失与留存（活跃 = 之前 { $days } 天内下过单）
cli-col-period = 期间
cli-col-start = 期初
cli-col-end = 期末
cli-col-new = 新增
cli-col-won-back = 挽回
cli-col-retained = 留存
cli-col-churn = 流失
cli-partial = 未完
cli-won-back-head = 已挽回（{ $n }）：
cli-won-back-line = { $id } 最后下单 { $last }，{ $churned } 流失，{ $back } 回来
cli-won-back-more = …… 另有 { $n } 位（用 --format csv 或 json 查看全部）
cli-reorder-plans = 已建立 { $created } 个再订关怀计划；{ $existing } 位客户已有未完成的计划
cli-due-head = { $n } 位客户在 { $within } 天内该再订（负数：已逾期）
cli-col-last = 最近
cli-col-gap = 间隔
cli-col-expected = 预计
cli-col-owner = 负责人

## 命令行：导入、设置、数据库
cli-unknown-columns = 警告：{ $file }：忽略未知的列 { $columns }（已知：{ $known }）
cli-import-refused = { $name }：{ $n } 行有错误；未写入任何内容（请修正，或加 --skip-bad FILE 导入其余的行）
cli-importing = 导入 { $name }
cli-writing = 写入 { $file }
cli-rows-skipped = 已跳过 { $n } 行；见 { $file }
cli-warning = 警告：{ $where }：{ $message }
cli-and-more = …… 另有 { $n } 条
cli-exported = 已导出 { $n } 条{ $kind }到 { $file }
cli-rolled-back = 导入 #{ $id } 已回滚：撤销了 { $n } 处改动
cli-no-imports = 导入日志中还没有记录（订单导入会记入日志）
cli-import-by = { $when } · { $staff }（{ $user }）
cli-roles-anyone-else = （其他人：{ $role }）
cli-role-now = { $user } 现在是{ $role }
cli-whoami = { $user }（员工姓名 { $staff }），{ $role }
cli-stats-database = 数据库
cli-stats-customers = 客户
cli-stats-orders = 订单
cli-stats-followups = 跟进
cli-stats-plans = 关怀计划
cli-stats-complaints = 投诉
cli-stats-file-size = 文件大小
cli-stats-pages = 页面
cli-stats-pages-line = 已用 { $used } MiB（数据 { $data }，元数据 { $meta }，页内空闲 { $free }）
cli-stats-pages-unknown = （未测量：文件以只读方式打开）
cli-check-passed = { $file }：完整性检查通过
cli-check-unmarked = 已移除损坏标记：可以再次写入
cli-check-repaired = { $file }：完整性检查已修复文件
cli-no-db-demo = 未创建任何文件；请用 --db 指定正确的路径（演示数据库是 { $demo }：loyal --db { $demo }）
cli-no-db = 未创建任何文件；请用 --db 指定正确的路径（或运行 `loyal demo`）
cli-dumb-terminal = 此终端（TERM={ $term }）无法显示工作台：需要光标移动和颜色（TERM=xterm-256color、screen 或 tmux）；命令在任何地方都能用（loyal --help）
cli-needs-terminal = 工作台需要终端；脚本请使用命令（loyal --help）
cli-init-private = { $file }：已就绪，只有所有者可用；{ $user } 是{ $role }
cli-init-shared = { $file }：已与组 { $group } 共享（文件 0660，目录 2770）；{ $user } 是{ $role }
cli-demo-built = 演示数据库 { $file }：客户 { $customers }，订单 { $orders }，跟进 { $followups }，关怀计划 { $plans }，投诉 { $complaints }
cli-saved-team = { $key }：已保存到 { $file }，全团队生效
cli-saved-personal = { $key }：已保存到 { $file }
cli-personal-head = # 个人设置（{ $file }）
cli-team-head = # 团队设置（数据库 { $file }）
import-summary = { $name }：{ $dry ->
        [yes] 将导入
       *[no] 已导入
    } { $rows } 条{ $kind }：新增 { $created }，更新 { $updated }，未变 { $unchanged }
import-summary-created = 新建客户档案 { $n } 个
import-summary-skipped = 跳过 { $n }
import-summary-dry-note = （试运行：未写入）
import-summary-undo = （导入 #{ $id }；`loyal imports rollback { $id }` 可撤销）

## 命令行：帮助末尾的示例
cli-after-loyal =
    示例：
      loyal demo                                 新建演示数据库，然后打开工作台
      loyal import customers customers.csv       导入（全部或不导入）
      loyal import orders orders.csv --skip-bad rejects.csv
      loyal lookup 8000                          电话号码的尾号
      loyal lookup zs                            张三的拼音首字母
      loyal customer show C-0042
      loyal export orders --format json --out orders.json
      loyal config set scoring.churn_days 120    团队设置（存于数据库）
cli-after-loyal-complaint-open =
    示例：
      loyal complaint open C-000042 --category "送货延误" --severity high --description "咖啡豆晚到了一周"
cli-after-loyal-customer-show =
    示例：
      loyal customer show C-0042
      loyal customer show '#233' --timeline 50
      loyal customer show C-0042 --format json

    ID 是外部编号（C-0042），或 #N 表示内部编号。
cli-after-loyal-customer-add =
    示例：
      loyal customer add --id C-9001 --name 张三 --phone "+86 138-0013-8000" --city 上海
      loyal customer add --id C-9002 --name "Ann Lee" --email ann@example.com --tag vip --format json
cli-after-loyal-import =
    示例：
      loyal import customers customers.csv
      loyal import orders orders.csv --dry-run
      loyal import orders orders.csv --skip-bad rejects.csv
      cat orders.json | loyal import orders - --format json

    各类文件的列见 README.md。重复导入同一文件不会改变任何内容。
cli-after-loyal-lookup =
    示例：
      loyal lookup 8000
      loyal lookup "+86 138-0013-8000"
      loyal lookup zhangsan
      loyal lookup --format json --limit 5 smith

    没有匹配时以状态 1 退出。
cli-after-loyal-rfm =
    示例：
      loyal rfm
      loyal rfm --as-of 2026-06-30 --format csv > rfm.csv
      loyal rfm --segment "At Risk"
cli-after-loyal-init =
    示例：
      loyal init
      sudo install -d /srv/loyal && sudo chown $USER /srv/loyal
      loyal --db /srv/loyal/team.redb init --group support
cli-after-loyal-followup-log =
    示例：
      loyal followup log C-000042 --summary "询问新拼配咖啡" --next +14d
      loyal followup log C-000042 --summary "嫌价格贵" --channel chat --direction in --satisfaction 2
cli-after-loyal-care-add =
    示例：
      loyal care add C-000042 --due +30d --purpose post_purchase --note "检查磨豆机"
      loyal care add C-000042 --due 2027-01-15 --time 10:00 --purpose payment --every "1 month"

## 团队设置
setting-currency = 屏幕上金额前的货币符号（¥、$、€；留空：无）
setting-sla-first_response_hours = 投诉首次回应的时限（小时）
setting-sla-first_response_hours-low = 低级别投诉的首次回应时限（留空：sla.first_response_hours）
setting-sla-first_response_hours-normal = 普通级别投诉的首次回应时限（留空：sla.first_response_hours）
setting-sla-first_response_hours-high = 高级别投诉的首次回应时限（留空：sla.first_response_hours）
setting-sla-first_response_hours-urgent = 紧急投诉的首次回应时限（留空：sla.first_response_hours）
setting-sla-resolution_hours-low = 解决低级别投诉的时限（小时）
setting-sla-resolution_hours-normal = 解决普通投诉的时限（小时）
setting-sla-resolution_hours-high = 解决高级别投诉的时限（小时）
setting-sla-resolution_hours-urgent = 解决紧急投诉的时限（小时）
setting-complaint-escalate_after_contacts = 同一未结投诉的客户来电达到此次数时升级
setting-complaint-satisfaction_followup_days = 结案后多少天安排满意度回访
setting-business_hours = 时限计时的时间段，如 `mon-fri 09:00-18:00`（留空：始终计时）
setting-holidays = 时限停止计时的日期，用逗号分隔的 YYYY-MM-DD
setting-timezone = 工作时间的时区，如 Asia/Shanghai（留空：服务器的时区）
setting-scoring-margin_rate = 收入中毛利的比例（用于价值分类）
setting-scoring-complaint_cost = 处理一次投诉的成本（用于负值客户）
setting-scoring-contact_cost = 一次跟进联系的成本（用于负值客户）
setting-scoring-churn_days = 多少天无订单后算作流失
setting-roles-default = 未由管理员分配角色的人的角色：viewer 或 agent

## 服务端的拒绝原因
flow-refused = { $from }的投诉不能{ $verb }：{ $hint }
flow-verb-acknowledged = 受理
flow-verb-started = 开始处理
flow-verb-resolved = 结案
flow-verb-closed = 关闭
flow-verb-reopened = 重新打开
flow-hint-started-already = 已经开始处理了
flow-hint-acknowledged-already = 已经受理过了
flow-hint-in-progress-already = 已经在处理中
flow-hint-resolve-first = 请先结案
flow-hint-still-open = 它仍未结
flow-hint-reopen-first = 请先重新打开
flow-hint-not-a-step = 不是流程中的步骤
date-invalid = { $text } 不是日期（2026-12-01、today、tomorrow、yesterday、今天、明天、昨天、+3d、+2w、+1m、+1y、-7d、7d ago）
date-too-far = { $text } 太远了
no-care-plan = 没有关怀计划 { $id }
no-complaint = 没有投诉 { $id }
passed-over = （跳过了 { $n } 次）
complaint-reopen-to-reply = { $id } 已{ $status }；请重新打开后再回复
complaint-reopen-if-back = { $id } 已{ $status }；如果问题再次出现请重新打开
complaint-say-what = 请说明客户投诉的内容
needs-build-a-demo-database = 建演示数据库
needs-change-care-plans = 修改关怀计划
needs-change-customer-files = 修改客户档案
needs-change-team-settings = 修改团队设置
needs-log-follow-ups = 记录跟进
needs-manage-roles = 管理角色
needs-merge-delete-customer-files = 合并（删除）客户档案
needs-plan-care = 安排关怀
needs-work-on-complaints = 处理投诉
needs-roll-back-imports = 回滚导入
needs-import = 导入

## 导入行：拒绝的原因
row-not-local-time = { $text } 在本地时区中不存在
row-not-timestamp = { $text } 不是日期（YYYY-MM-DD）或时间（RFC 3339，或 YYYY-MM-DD HH:MM）
row-not-date = { $text } 不是 2025-03-01 这样的日期
row-not-bool = { $text } 不是 true/false
row-control-chars = 含有控制字符
row-required = 必须填写
row-not-email = { $text } 不是邮箱地址
row-not-score = { $text } 不是 1 到 5 的分数
row-not-time = { $text } 不是 14:30 这样的时间
row-not-events = 不是 JSON 事件列表：{ $error }
row-required-when = 状态为{ $status }时必须填写
row-not-count = { $text } 不是 0 到 { $most } 的次数
file-too-many-columns = { $found } 列太多（最多 { $most } 列；每类只有几十列）
file-column-missing = 缺少必需的列（表头为：{ $columns }；可用 --map "表头={ $field }" 指明哪一列是它）
file-field-count = 有 { $len } 个字段，表头有 { $expected } 个
file-not-utf8 = 不是有效的 UTF-8 文本
file-unreadable = 无法读取：{ $reason }
file-column-twice = 表头中此列出现了两次
file-not-json-array = 应为 JSON 对象数组
file-key-twice = 在此记录中出现了两次（键不区分大小写）
file-not-json-object = 不是 JSON 对象
file-not-text = 是{ $kind }，不是文本

## 按键方案文件：错在哪里
keymap-no-such = 按键方案“{ $spec }”既不是内置方案（{ $builtin }），也不是可读的文件：{ $reason }
keymap-syntax = TOML 语法：{ $error }
keymap-outside-section = “{ $key }”不在任何分组中；请放到 [global] 或 [list] 等分组下
keymap-unknown-section = 未知分组 [{ $name }]（分组有 { $sections }）{ $hint }
keymap-not-a-table = [{ $section }] 必须是由 "按键" = "操作" 组成的表，实际是 { $found }
keymap-bad-key = [{ $section }] 中的按键“{ $key }”有误：{ $reason }
keymap-not-a-string = [{ $section }] 中的按键“{ $key }”必须对应带引号的操作名（或 "none"），实际是 { $found }{ $hint }
keymap-quote-dots = （含点的按键要加引号："."）
keymap-unknown-action = [{ $section }] 中按键“{ $key }”的操作“{ $action }”不存在{ $hint }
keymap-same-key = [{ $section }] 中的“{ $key }”与第 { $line } 行的“{ $earlier }”是同一个键，那里是 { $earlier_target }，这里是 { $target }
keymap-prefix = [{ $section }] 中的“{ $key }”（{ $target }）与第 { $line } 行的“{ $earlier }”（{ $earlier_target }）：“{ $shorter }”是“{ $longer }”的开头，一个键不能既运行操作又开始按键序列；请保留一个
keymap-did-you-mean = ；是不是“{ $name }”？
keymap-hides = { $origin }：[{ $section }] 中的 `{ $keys }` 覆盖了 { $lower } 的 `{ $lower_keys }`（{ $action }）
key-empty = 空的按键
key-nothing-after = “{ $rest }”后面没有按键
key-twice = { $modifier } 写了两次
key-not-printable = { $char } 不是可打印的键；请写它的名字（space、tab、enter…）
key-shift-named = shift- 只能用于有名字的键；请直接写上档字符（"{ $shifted }"）
key-sequence-spaces = “{ $name }”不是一个键；按键序列中的键用空格分隔（"{ $spaced }"）
key-unknown = 未知按键“{ $name }”；按键是一个字符，或 { $names }、f1..f{ $highest } 之一，可加 ctrl-、alt- 或 shift-
key-single-spaces = 按键序列中的键用单个空格分隔

## 数值检查：设置、时间表、金额、日期
setting-bad-hours = { $value } 不是 1 到 8760 之间的小时数
setting-bad-days = { $value } 不是 1 到 3650 之间的天数
setting-bad-count = { $value } 不是 2 到 100 之间的次数
setting-bad-rate = { $value } 不是 0 到 1 之间、最多两位小数的比率（0.30 = 30%）
setting-negative = 不能为负数
setting-admin-default = 管理员需逐个指定（loyal role set 用户 admin）
setting-bad-currency = { $value } 不是货币符号（¥、$、€，或不超过 4 个字母的代码）
setting-unknown = 不是团队设置（`loyal config` 列出全部设置）
not-a-date = { $value } 不是形如 2026-10-01 的日期
not-a-zone = { $value } 不是时区名称（如 Asia/Shanghai 或 Europe/Berlin）
not-a-time = { $value } 不是形如 09:00 的时间
not-a-schedule = { $value } 的格式应形如 `mon-fri 09:00-18:00`
not-a-span = { $value } 不是形如 09:00-18:00 的时段
span-opens-at-24 = 时段不能从 24:00 开始
span-closes-first = { $value } 的结束早于开始
not-a-weekday = { $value } 不是星期几（mon、tue … sun）
money-empty = 金额为空
money-malformed = { $value } 不是形如 12.30 的金额
money-too-precise = { $value } 的小数超过 2 位
money-grouping = { $value }：千位分隔符应在每三位数字之间，如 1,234.56
money-overflow = { $value } 超出 ±{ $max }（loyal 接受的最大金额）
money-total-overflow = 合计将超出 ±{ $max }，超过 loyal 能累加的上限
label-unknown = 未知的 { $what } { $given }（应为以下之一：{ $expected }）
interval-zero = 间隔至少为 1
interval-too-long = 最多 { $most } { $unit }（十年）
interval-bad = { $value }：间隔无效
margin-rate-bad = 毛利率：{ $reason }
margin-rate-range = 毛利率 { $value } 不在 0 到 1 之间
date-outside = { $what } 超出支持的日期范围 { $first }-01-01 至 { $last }-12-31
days-range = 必须在 { $least } 到 { $most } 天之间
score-range = 是 1 到 5 的评分

## 数据库文件：打开、损坏、上限
store-cannot-open = 无法打开 { $path }：{ $reason }
store-missing = { $path } 没有数据库（未创建任何文件：`loyal init` 可新建一个）
store-empty = { $path } 是空文件（0 字节），不是 loyal 数据库（复制不完整或磁盘已满？）；未做任何更改，请从备份恢复
store-not-loyal = { $path } 不是 loyal 数据库（{ $reason }）；未做任何更改
store-read-only = { $path } 以只读方式打开（此账户无写权限）：可以查看，修改会被拒绝
store-newer-schema = { $path } 由更新版本的 loyal 写入（结构版本 { $found }；本版本最多读取 { $supported }）；请升级 loyal 后再打开
store-corrupt = 数据库文件似乎已损坏：无法读取 { $kind } 记录 { $key }（{ $reason }）；不会再向其写入；请运行 `loyal check`，检查失败时从备份恢复
store-damaged = 数据库文件 { $path } 似乎已损坏（{ $detail }）：不会再向其写入；请运行 `loyal check`，检查失败时从备份恢复
store-duplicate-id = 外部编号 { $id } 已属于另一位客户
store-missing-customer = 没有内部编号为 { $id } 的客户
store-encode = 无法编码记录：{ $reason }
store-migration = 升级数据库时出错：{ $reason }
store-total-overflow = 客户 #{ $customer } 的订单合计将超出 ±{ $max }，超过 loyal 能保存的上限
store-record-unreadable = 记录 { $record }：存储的值无法读取或写入：{ $reason }
store-cannot-create-dir = 无法创建目录 { $dir }：{ $reason }
store-integrity-failed = 完整性检查失败：{ $detail }
store-no-schema = 一个没有 loyal 结构的 redb 文件
store-permission-denied = 权限不足：需要对此文件及其所在文件夹有读写权限（请联系其所有者，或请求加入共享它的用户组）
store-needs-repair = 它没有正常关闭（在使用中被复制，或 loyal 被强行结束），需要先恢复，而恢复需要写权限：请以其所有者身份打开一次，或复制到你可写的位置后打开副本
store-open-elsewhere = 数据库正以排斥其他进程的方式打开（被另一个程序或旧版 loyal 占用）
store-damaged-earlier = 本次会话早些时候已发现损坏
store-damaged-marked = 于 { $when } 发现损坏；见 { $mark }
panic-no-message = 一次没有消息的崩溃
internal-error = 内部错误（loyal 的缺陷；请附上这一行报告）：{ $reason }

## 服务检查：查找、客户档案、导入
lookup-too-long = 查找内容有 { $n } 个字符，太长了（最多 { $most } 个）
lookup-too-many-words = 查找内容有 { $n } 个词，太多了（最多 { $most } 个）
id-looks-internal = { $id } 在命令行中会被当作内部编号 #{ $n }；外部编号不能是“#”加数字
row-twice = { $id } 出现了两次（第一次在第 { $first } 行）
import-own-calls = 客户和订单有各自的导入方式
row-cannot-create = 无法创建客户 { $id }：{ $reason }
row-no-customer = 没有客户 { $id }（请先导入客户，或加上 --create-missing）
row-no-referrer = 文件和数据库中都没有客户 { $id }
row-referrer-rejected = { $id } 在第 { $line } 行，而该行被拒绝了
row-several-matches = 与多位现有客户相符：{ $matches }；请在 customer_id 中填写其中一位的编号
import-without-ids = { $n } 行没有 { $column }，已分配新编号：再次导入同一文件会重复添加
customer-exists = { $id } 已存在
customer-refers-self = 客户不能推荐自己
customer-same-file = { $other } 与 { $keep } 已是同一份档案
import-none = 没有第 { $id } 号导入
import-rolled-back-already = 第 { $id } 号导入已经撤销
import-still-running = 第 { $id } 号导入仍在进行（{ $staff }）；请等它完成
import-rolling-back-already = 第 { $id } 号导入正在撤销；请等它完成
import-stopped = 已中断
import-rollback-stopped = 撤销已中断
import-resumed-by = 由第 { $id } 号续完
import-rollback-interrupted = 第 { $id } 号导入（{ $file }，{ $kind }）的撤销于 { $when } 中途停止：再次运行 `loyal imports rollback { $id }` 即可完成
import-interrupted = 第 { $id } 号导入（{ $file }，{ $kind }）于 { $when } 停在第 { $done } / { $rows } 行（{ $staff }）：再次运行同一导入即可完成，或用 `loyal imports rollback { $id }` 撤销
care-plan-already = { $id } 已经是“{ $status }”状态
followup-say-what = 请写明谈了什么
complaint-moved-by = （{ $staff }：{ $change }）
complaint-contacts-full = { $id } 已有 { $n } 次联系，达到一条投诉的计数上限
no-cause-recorded = （未记录原因）

## 自动生成的备注与投诉记录（以写入者的语言写入）
note-birthday = 生日问候
note-reorder = 预计 { $expected } 再次订购（约每 { $days } 天一次；上次下单 { $last }）
note-next-contact = 下次联系（来自 { $id }）：{ $summary }
note-next-contact-moved = 下次联系（由 { $id } 改期）：{ $summary }
event-status-change = { $from } → { $to }
event-escalated = 联系 { $n } 次仍未解决：严重程度 { $from } → { $to }
event-opened-via = 经{ $channel }：{ $description }
event-contact = 第 { $n } 次联系
event-reopened = 重新打开：{ $reason }
event-assigned = 分派给 { $to }

## 工作台与命令行：文件、配置、启动
tui-admin-only = 只有管理员可以这样做；{ $user } 在这里是{ $role }
tui-viewer-only = { $user } 在这里是查看者：只能查找和阅读（管理员可以更改：loyal role set { $user } agent）
tui-scoring-as-of = 按 { $date } 计算评分…
tui-bug-no-load = 这里没有加载 { $asker } 的功能（程序缺陷）
tui-bug-unexpected = { $asker } 收到意外的回复：{ $response }（程序缺陷）
tui-bug-load-failed = 加载 { $kind } 失败（程序缺陷）：{ $message }
tui-save-failed = 保存失败：{ $message }
cannot-open = 无法打开 { $path }：{ $reason }
cannot-open-file = 无法打开 { $path }
cannot-read = 无法读取 { $path }
cannot-write = 无法写入 { $path }
cannot-create = 无法创建 { $path }
cannot-replace = 无法替换 { $path }
hangup-no-watch = 警告：无法监视终端断线：{ $reason }
db-source-config = 配置文件中的 `database`
db-source-default = 默认位置
db-opening = 打开数据库 { $path }（路径来自 { $source }）
config-no-file = （没有配置文件）
config-no-dir = 没有配置目录；请将 LOYAL_CONFIG 设为一个文件路径
config-bad-cache = cache_mb：{ $value } 不是 8 到 65536 之间的 MiB 数
config-bad-mouse = mouse：{ $value } 不是 true 或 false
config-bad-language = language：{ $value } 不是 zh 或 en
config-unknown = { $key } 不是一项设置（`loyal config` 列出全部设置）
init-no-group = /etc/group 中没有名为 { $name } 的用户组
path-nul = 路径中含有 NUL 字节
init-cannot-chown = 无法将 { $path } 交给用户组 { $gid }：{ $reason }（你必须是它的所有者并属于该组）
init-cannot-chmod = 无法设置 { $path } 的权限
init-needs-unix = 用户组共享需要 Unix 系统（要求的用户组为 { $group }）

## 查找：匹配的字段
match-field-id = 编号
match-field-email = 邮箱
match-field-name = 姓名
match-field-pinyin = 拼音
match-field-initials = 首字母
match-field-company = 公司
match-field-phone = 电话
match-field-text = 文字

## 审计记录：做了什么
audit-customer-add = 新建客户档案
audit-customer-update = 修改客户档案
audit-customer-merge = 合并客户档案
audit-followup-log = 记录跟进
audit-care-add = 新建关怀计划
audit-care-done = 完成关怀
audit-care-skip = 跳过关怀
audit-care-birthdays = 生成生日关怀
audit-care-reorders = 生成复购提醒
audit-complaint-open = 登记投诉
audit-complaint-ack = 受理投诉
audit-complaint-start = 开始处理投诉
audit-complaint-reply = 回复投诉
audit-complaint-note = 投诉内部备注
audit-complaint-contact = 客户再次联系
audit-complaint-resolve = 解决投诉
audit-complaint-close = 关闭投诉
audit-complaint-reopen = 重新打开投诉
audit-complaint-assign = 分派投诉
audit-import-customers = 导入客户
audit-import-orders = 导入订单
audit-import-followups = 导入跟进记录
audit-import-care-plans = 导入关怀计划
audit-import-complaints = 导入投诉
audit-import-rollback = 撤销导入
audit-role-set = 设置角色
audit-setting-set = 修改团队设置

## 命令行：clap 自身的用语
cli-help-subcommand = 显示本帮助，或指定子命令的帮助
cli-version-flag = 显示版本
cli-placeholder-options = [选项]
cli-placeholder-command = [命令]
cli-placeholder-command-required = <命令>
cli-placeholder-env = [环境变量：
cli-placeholder-values = [可选值：
cli-placeholder-default = [默认：
cli-placeholder-aliases = [别名：
clap-error = 错误：
clap-tip = 提示：
clap-more = 更多信息请用 '--help'。
clap-unknown-argument = 意外的参数 '{ $arg }'
clap-unknown-subcommand = 无法识别的子命令 '{ $command }'
clap-value-missing = '{ $arg }' 需要一个值，但没有给出
clap-invalid-value = '{ $arg }' 的值 '{ $value }' 无效
clap-possible-values = [可选值：{ $values }]
clap-missing-required = 缺少以下必需的参数：{ $args }
clap-missing-subcommand =
    '{ $command }' 需要一个子命令，但没有给出
      {"["}子命令：{ $commands }]
clap-argument-twice = 参数 '{ $arg }' 不能多次使用
clap-argument-conflict = 参数 '{ $arg }' 不能与 '{ $other }' 同时使用
clap-too-many-values = '{ $arg }' 多出了值 '{ $value }'；不需要更多的值
clap-wrong-number = '{ $arg }' 的值的个数不对
clap-no-equals = 给 '{ $arg }' 赋值时需要等号
clap-similar-argument = 有一个相近的参数：'{ $names }'
clap-similar-subcommand = 有一个相近的子命令：'{ $names }'
clap-similar-value = 有一个相近的值：'{ $names }'
config-no-home = 找不到存放数据库的主目录；请用 --db 指定路径
cli-creating-reorders = 正在创建复购关怀计划
cli-offer-create =
    { $path } 没有数据库（路径来自 { $source }）。
    要在那里新建一个空数据库吗？[y/N]
note-satisfaction = 投诉 { $id } 之后的满意度回访（{ $category }）

## 命令行：导入进度、退出状态
cli-import-progress = {"{"}spinner{"}"} 正在导入{"{"}msg{"}"} [{"{"}bar:30{"}"}] {"{"}pos{"}"}/{"{"}len{"}"} 行（{"{"}rate{"}"}，剩余 {"{"}eta{"}"}）
cli-import-rate = 每秒 { $rate } 行
cli-import-checking = {"{"}spinner{"}"} 正在检查{"{"}msg{"}"}：{"{"}pos{"}"} 行（{"{"}rate{"}"}）
cli-reading-stdin = 无法读取标准输入

## 命令行：设置的来源
config-source-default = 默认
config-source-file = 文件
config-source-flag = 参数
config-source-env = 环境变量
config-source-locale = 系统区域
config-source-database = 数据库
cli-man-written = 已将 { $n } 个手册页写入 { $dir }
cli-no-demo-yet = { $file } 还没有演示数据库：`loyal demo` 可以建一个
cli-demo-open-again = 打开它：loyal --demo   （或：loyal --db { $file }）
cli-demo-not-replaceable = { $file } 已存在且不是演示数据库；拒绝替换它（请用 --db 指定一个新文件名）
cli-text-required = { $what } 需要内容：写在编号后面，或用 --text 给出
cli-heading-global = 全局选项
cli-arg-loyal-demo = 在 `loyal demo` 上次建好的演示数据库上打开工作台（不重建）
cli-after-loyal-demo =
    示例：
      loyal demo                 建好并打开工作台
      loyal demo --no-tui        只建库（之后按提示：loyal --db 路径）
cli-arg-loyal-demo-keymap = 工作台的按键方案：default、vim、emacs 或 TOML 文件 [默认：取自配置]
cli-arg-loyal-import-kind = 文件里是什么
cli-after-loyal-export =
    示例：
      loyal export customers --out customers.csv
      loyal export orders --format json --out -   输出到标准输出
cli-arg-loyal-export-kind = 导出哪一类
cli-arg-loyal-export-format = 文件格式
cli-arg-loyal-lookup-limit = 最多这么多条结果，最佳的在前
cli-arg-loyal-lookup-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-customer-show-id = 外部编号（C-0042）或 #N
cli-arg-loyal-customer-show-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-customer-show-json = 等同于 --format json
cli-arg-loyal-customer-add-name = 客户姓名
cli-arg-loyal-customer-add-email = 电子邮箱
cli-arg-loyal-customer-add-company = 公司或单位
cli-arg-loyal-customer-add-city = 城市
cli-arg-loyal-customer-add-address = 邮寄地址
cli-arg-loyal-customer-add-gender = female（女）、male（男）、other（其他）
cli-arg-loyal-customer-add-owner = 客户负责人（照看这位客户的员工）
cli-arg-loyal-customer-add-personality = 性格：这位客户喜欢怎样被对待
cli-arg-loyal-customer-add-interests = 兴趣爱好
cli-arg-loyal-customer-add-habits = 习惯：何时、如何购买，喜欢什么
cli-arg-loyal-customer-add-churn_reason = 客户流失的原因（配合 --status churned）
cli-arg-loyal-customer-add-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-customer-add-json = 等同于 --format json
cli-after-loyal-customer-edit =
    示例：
      loyal customer edit C-9001 --city 北京 --tag vip
      loyal customer edit C-9001 --email ""      清除邮箱
      loyal customer edit C-9001 --if-version 3 --owner li
cli-arg-loyal-customer-edit-id = 外部编号（C-0042）或 #N
cli-arg-loyal-customer-edit-name = 客户姓名
cli-arg-loyal-customer-edit-email = 电子邮箱
cli-arg-loyal-customer-edit-company = 公司或单位
cli-arg-loyal-customer-edit-city = 城市
cli-arg-loyal-customer-edit-address = 邮寄地址
cli-arg-loyal-customer-edit-gender = female（女）、male（男）、other（其他）
cli-arg-loyal-customer-edit-owner = 客户负责人（照看这位客户的员工）
cli-arg-loyal-customer-edit-personality = 性格：这位客户喜欢怎样被对待
cli-arg-loyal-customer-edit-interests = 兴趣爱好
cli-arg-loyal-customer-edit-habits = 习惯：何时、如何购买，喜欢什么
cli-arg-loyal-customer-edit-churn_reason = 客户流失的原因（配合 --status churned）
cli-arg-loyal-customer-edit-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-customer-edit-json = 等同于 --format json
cli-after-loyal-customer-merge =
    示例：
      loyal customer merge C-0042 C-0977
cli-arg-loyal-customer-merge-keep = 保留的档案（外部编号或 #N）
cli-arg-loyal-customer-merge-other = 并入并删除的档案（其编号保留为别名）
cli-after-loyal-config =
    示例：
      loyal config
      loyal config set currency ¥
      loyal config set language zh
      loyal config unset sla.first_response_hours
cli-arg-loyal-config-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-config-json = 等同于 --format json
cli-after-loyal-config-show =
    示例：
      loyal config show
      loyal config show --format json
cli-arg-loyal-config-show-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-config-show-json = 等同于 --format json
cli-after-loyal-config-set =
    示例：
      loyal config set sla.first_response_hours 12
      loyal config set staff_name "李娜"
cli-arg-loyal-config-set-key = 设置名，与 `loyal config` 列出的一致
cli-arg-loyal-config-set-value = 新的值
cli-after-loyal-config-unset =
    示例：
      loyal config unset currency
cli-arg-loyal-config-unset-key = 设置名，与 `loyal config` 列出的一致
cli-arg-loyal-rfm-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）；xlsx 给电子表格用
cli-arg-loyal-rfm-out = 把 csv、json 或 xlsx 写入此文件而不是标准输出（`-`：标准输出）
cli-arg-loyal-rfm-json = 等同于 --format json
cli-after-loyal-report =
    示例：
      loyal report pareto
      loyal report churn --period quarter
      loyal report segments --format csv
      loyal report causes
      loyal report satisfaction --by owner
cli-arg-loyal-report-kind = 哪一份报表
cli-arg-loyal-report-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）；xlsx 给电子表格用
cli-arg-loyal-report-out = 把 csv、json 或 xlsx 写入此文件而不是标准输出（`-`：标准输出）
cli-arg-loyal-report-json = 等同于 --format json
cli-after-loyal-due =
    示例：
      loyal due
      loyal due --within 14 --create-plans
      loyal due --as-of -30d --format json
cli-arg-loyal-due-as_of = 从哪一天看：2026-12-01、-7d … [默认：今天]
cli-arg-loyal-due-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-due-json = 等同于 --format json
cli-arg-loyal-followup-log-summary = 谈了什么
cli-arg-loyal-followup-log-outcome = 结果如何
cli-arg-loyal-care-add-customer = 外部编号（或 #N）
cli-arg-loyal-care-add-assignee = 由谁联系 [默认：客户负责人]
cli-arg-loyal-care-add-note = 要做什么或说什么
cli-after-loyal-care-done =
    示例：
      loyal care done CP-000031
      loyal care done CP-000031 --log "对磨豆机很满意" --satisfaction 5
cli-arg-loyal-care-done-id = 关怀计划：CP-000031
cli-arg-loyal-care-done-outcome = 结果如何
cli-after-loyal-care-skip =
    示例：
      loyal care skip CP-000031 --reason "客户在度假"
cli-arg-loyal-care-skip-id = 关怀计划：CP-000031
cli-arg-loyal-care-skip-reason = 跳过的原因
cli-after-loyal-care-birthdays =
    示例：
      loyal care birthdays
      loyal care birthdays --within 60
cli-arg-loyal-care-birthdays-within = 未来这么多天内的生日
cli-after-loyal-agenda =
    示例：
      loyal agenda
      loyal agenda --owner li --days 14
      loyal agenda --date tomorrow --format json
cli-arg-loyal-agenda-days = 列出往后几天
cli-arg-loyal-agenda-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-agenda-json = 等同于 --format json
cli-after-loyal-forgotten =
    示例：
      loyal forgotten
      loyal forgotten --days 90 --owner li
      loyal forgotten --format csv > call-list.csv
cli-arg-loyal-forgotten-owner = 只看这位负责人的客户
cli-arg-loyal-forgotten-limit = 最多这么多位客户，最久未联系的在前
cli-arg-loyal-forgotten-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-forgotten-json = 等同于 --format json
cli-after-loyal-complaints =
    示例：
      loyal complaints
      loyal complaints --breached
      loyal complaints --assignee li --format json
cli-arg-loyal-complaints-assignee = 只看分派给此人的投诉
cli-arg-loyal-complaints-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-complaints-json = 等同于 --format json
cli-arg-loyal-complaint-open-customer = 客户：外部编号或 #N
cli-arg-loyal-complaint-open-category = 问题类别（报表按它分组）
cli-arg-loyal-complaint-open-description = 客户投诉的内容
cli-arg-loyal-complaint-open-channel = 投诉渠道：phone、email、visit、sms、chat、web、other
cli-arg-loyal-complaint-open-assignee = 由谁处理
cli-after-loyal-complaint-show =
    示例：
      loyal complaint show CM-000007
      loyal complaint show CM-000007 --format json
cli-arg-loyal-complaint-show-id = 投诉：CM-000007
cli-arg-loyal-complaint-show-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-complaint-show-json = 等同于 --format json
cli-after-loyal-complaint-ack =
    示例：
      loyal complaint ack CM-000007
      loyal complaint ack CM-000007 --text "正在处理，下午5点前给您答复"
cli-arg-loyal-complaint-ack-id = 投诉：CM-000007
cli-arg-loyal-complaint-ack-said = 说了什么或做了什么
cli-arg-loyal-complaint-ack-text = 等同于 TEXT
cli-after-loyal-complaint-start =
    示例：
      loyal complaint start CM-000007
cli-arg-loyal-complaint-start-id = 投诉：CM-000007
cli-after-loyal-complaint-reply =
    示例：
      loyal complaint reply CM-000007 "新包裹今天已发出"
      loyal complaint reply CM-000007 --text "新包裹今天已发出"
cli-arg-loyal-complaint-reply-id = 投诉：CM-000007
cli-arg-loyal-complaint-reply-said = 说了什么或做了什么
cli-arg-loyal-complaint-reply-text = 等同于 TEXT
cli-after-loyal-complaint-note =
    示例：
      loyal complaint note CM-000007 "快递确认延误"
cli-arg-loyal-complaint-note-id = 投诉：CM-000007
cli-arg-loyal-complaint-note-said = 说了什么或做了什么
cli-arg-loyal-complaint-note-text = 等同于 TEXT
cli-after-loyal-complaint-contact =
    示例：
      loyal complaint contact CM-000007
      loyal complaint contact CM-000007 --text "来电，仍在等待"
cli-arg-loyal-complaint-contact-id = 投诉：CM-000007
cli-arg-loyal-complaint-contact-said = 说了什么或做了什么
cli-arg-loyal-complaint-contact-text = 等同于 TEXT
cli-after-loyal-complaint-resolve =
    示例：
      loyal complaint resolve CM-000007 --text "已退邮费" --cause "快递延误" --prevent "上海增加第二家快递"
cli-arg-loyal-complaint-resolve-id = 投诉：CM-000007
cli-arg-loyal-complaint-resolve-said = 说了什么或做了什么
cli-after-loyal-complaint-close =
    示例：
      loyal complaint close CM-000007
cli-arg-loyal-complaint-close-id = 投诉：CM-000007
cli-after-loyal-complaint-reopen =
    示例：
      loyal complaint reopen CM-000007 --reason "包裹一直没到"
cli-arg-loyal-complaint-reopen-id = 投诉：CM-000007
cli-arg-loyal-complaint-reopen-reason = 重新打开的原因
cli-after-loyal-complaint-assign =
    示例：
      loyal complaint assign CM-000007 wang
cli-arg-loyal-complaint-assign-id = 投诉：CM-000007
cli-arg-loyal-complaint-assign-to = 同事的员工姓名
cli-after-loyal-audit =
    示例：
      loyal audit
      loyal audit --customer C-000042
      loyal audit --user li --since -7d --format json
cli-arg-loyal-audit-limit = 最多这么多条
cli-arg-loyal-audit-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-audit-json = 等同于 --format json
cli-after-loyal-role =
    示例：
      loyal role
      loyal role set li agent
      loyal role list --format json
cli-arg-loyal-role-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-role-json = 等同于 --format json
cli-after-loyal-role-list =
    示例：
      loyal role list
      loyal role list --format csv
cli-arg-loyal-role-list-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-role-list-json = 等同于 --format json
cli-after-loyal-role-set =
    示例：
      loyal role set li agent
      loyal role set wang viewer
cli-arg-loyal-role-set-user = 系统账户（与 `loyal whoami` 显示的一致）
cli-arg-loyal-role-set-role = viewer（查看）、agent（工作）或 admin（管理）
cli-after-loyal-imports =
    示例：
      loyal imports
      loyal imports --format json
      loyal imports rollback 4
cli-arg-loyal-imports-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-imports-json = 等同于 --format json
cli-after-loyal-imports-rollback =
    示例：
      loyal imports rollback 4
cli-arg-loyal-imports-rollback-id = 导入的序号，与 `loyal imports` 列出的一致
cli-after-loyal-whoami =
    示例：
      loyal whoami
      loyal whoami --format json
cli-arg-loyal-whoami-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-whoami-json = 等同于 --format json
cli-after-loyal-stats =
    示例：
      loyal stats
      loyal --db team.redb stats --format json
cli-arg-loyal-stats-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-stats-json = 等同于 --format json
cli-after-loyal-check =
    示例：
      loyal check
      loyal --db /srv/loyal/team.redb check
cli-after-loyal-gen =
    示例：
      loyal gen --out data
      loyal gen --customers 100000 --orders 1000000 --out big
cli-arg-loyal-gen-customers = 客户数量
cli-arg-loyal-gen-orders = 订单数量，分布在各位客户之间
cli-arg-loyal-gen-seed = 随机种子：相同的种子生成相同的数据
cli-arg-loyal-gen-buyers = 下过单的客户所占比例（0 到 1）
cli-arg-loyal-gen-skew = 订单在购买客户之间分布的不均程度：其权重的帕累托 alpha（越小越集中；1.2 约为 80/20）
gen-share-range = 0 到 1 之间的比例，例如 0.88
gen-skew-range = 0.1 到 10 之间的帕累托 alpha，例如 1.2
cli-about-loyal-completions = bash、zsh、fish、elvish 或 powershell 的命令补全脚本
cli-after-loyal-completions =
    示例：
      loyal completions bash > ~/.local/share/bash-completion/completions/loyal
      loyal completions zsh > ~/.zfunc/_loyal
      loyal completions fish > ~/.config/fish/completions/loyal.fish
cli-arg-loyal-completions-shell = 哪一种 shell
cli-about-loyal-man = 手册页（roff）：loyal.1 输出到标准输出，或在 DIR 中每个命令一页
cli-after-loyal-man =
    示例：
      loyal man | man -l -
      loyal man --out ~/.local/share/man/man1
cli-arg-loyal-man-out = 把 loyal.1、loyal-import.1 … 写入此文件夹

## 备份
backup-exists = 文件已存在；备份只写入新文件
backup-unknown-table = 数据库中有本版 loyal 不认识的表（{ $table }）：请用写入它的 loyal 备份
backup-verify-failed = 副本校验未通过（{ $detail }）；未保留任何文件
needs-back-up-the-database = 备份数据库
cli-backup-progress = {"{"}spinner{"}"} 正在备份 [{"{"}bar:30{"}"}] {"{"}pos{"}"}/{"{"}len{"}"} 行（剩余 {"{"}eta{"}"}）
cli-backup-done = 备份 { $file }：{ $tables } 张表，{ $rows } 行，{ $mib } MiB，用时 { $seconds } 秒（每秒 { $rate } MiB），已校验
cli-backup-removed = 已删除较旧的备份 { $file }
restore-in-use = { $file } 正被其他进程打开：{ $who }；请先让他们关闭 loyal（未做任何更改）
restore-not-sound = 备份未通过完整性检查；未做任何更改
cli-restored = 已从 { $from } 恢复 { $file }
cli-restore-kept = 被替换的文件保留为 { $file }
audit-restore-detail = 被替换的文件保留为 { $kept }
needs-restore-the-database = 恢复数据库
audit-db-restore = 数据库已恢复
audit-answer-add = 新增标准答案
audit-answer-edit = 修改标准答案
audit-answer-remove = 删除标准答案
audit-answer-import = 导入标准答案
cli-about-loyal-backup = 数据库的已校验副本，在他人工作时也可进行（管理员）
cli-after-loyal-backup =
    示例：
      loyal backup /backups/loyal-monday.redb
      loyal backup --keep 14 /backups        带日期的文件，保留最新 14 个

    每晚 02:30 备份的 cron 行：
      30 2 * * * loyal --db /srv/loyal/team.redb backup --keep 14 /srv/backups/loyal
cli-arg-loyal-backup-target = 新文件（配合 --keep：存放带日期备份的文件夹）
cli-arg-loyal-backup-keep = 在文件夹中写入带日期的文件，只保留最新的 N 个
cli-about-loyal-restore = 用备份替换数据库（管理员；不能有其他人打开它）
cli-after-loyal-restore =
    示例：
      loyal --db /srv/loyal/team.redb restore /srv/backups/loyal/loyal-20261201-023000.redb

    先校验备份；被替换的文件保留在数据库旁边，名为
    FILE.before-restore-日期，恢复操作写入审计记录。
cli-arg-loyal-restore-backup = 备份文件（由 `loyal backup` 生成）
file-bad-byte = 字节 { $byte } 不是有效的 { $encoding } 文本（可用 --encoding 指明文件的编码）
file-unmappable = { $character } 无法用 { $encoding } 写出（请用 --encoding utf-8，或能容纳所有字符的 gb18030）
cli-arg-loyal-export-encoding = 以此编码写出 CSV（gbk、gb18030、big5、utf-16），供需要它的电子表格使用 [默认：utf-8]
cli-arg-loyal-export-bom = UTF-8 CSV 以字节顺序标记开头，使 Excel 按 UTF-8 读取
cli-arg-loyal-import-encoding = 文件的文本编码（utf-8、utf-16、gbk、gb18030、big5……）[默认：自动识别：先看字节顺序标记，全部字节合乎 UTF-8 即为 UTF-8，否则按最佳推测]
cli-unknown-encoding = loyal 不认识编码 { $name }（可用 utf-8、utf-16、gbk、gb18030 或 big5）
cli-encoding-json = JSON 总是 UTF-8，工作簿自带文本编码：--encoding 和 --bom 只用于 CSV
cli-read-as = { $file }：按 { $encoding } 读取（{ $how ->
    [bom] 据字节顺序标记
    [guessed] 自动识别；如有误请用 --encoding 指明
   *[given] 按指定
}）
map-bad-pair = { $pair } 不是映射：请写成 源列=字段，例如 手机号码=phone
map-unknown-field = { $field } 不是任何类别的列
map-unknown-field-near = { $field } 不是任何类别的列（是不是 { $near }？）
file-two-columns-one-field = { $first } 和 { $second } 都指向这一列：保留一个，或用 --map "{ $second }=-" 忽略另一个
profile-bad-name = 方案名为 1 到 { $most } 个字符，不含空格、`=`、`,` 或 `;`
profile-unknown = 没有名为 { $name } 的导入方案（现有方案：{ $names }）
profile-none = 还没有；可用 `loyal import --save-profile 名称 --map ...` 保存
cli-arg-loyal-import-map = 自行指定列名：`源列=字段` 对，例如 "手机号码=phone,会员编号=customer_id"（客户编号、手机、Customer ID 等表头已能识别）
cli-arg-loyal-import-profile = 按团队设置中保存的映射方案命名各列（`--list-profiles`）；`--map` 可在其上补充
cli-arg-loyal-import-save_profile = 把 `--map` 保存为所有人可用的方案（管理员）；同时给出 KIND 和 FILE 时随后导入
cli-arg-loyal-import-remove_profile = 删除一个已保存的方案（管理员）
cli-arg-loyal-import-list_profiles = 列出已保存的方案
cli-profile-saved = 已保存导入方案 { $name }
cli-profile-removed = 已删除导入方案 { $name }
cli-mapping-title = 文件中的列，以及各自填入的字段：
cli-mapping-ignored = （忽略）
cli-unknown-column-near = { $column }（是不是 { $near }？）
file-workbook-stream = 工作簿须从文件读取：请先保存为文件再导入
file-no-such-sheet = 工作簿中没有工作表 { $sheet }（工作表：{ $sheets }）
file-cell-without-header = 没有表头的列中有值
cell-error = 单元格内是错误值 { $error }
cell-phone-number = Excel 把这个电话号码存成了数字 { $number }，会丢掉开头的 0 或 +，超过 15 位还会丢掉末尾数字：请把该列设为文本格式并重新输入号码
cell-not-serial-date = { $number } 不是 Excel 能表示的日期
cell-id-number = Excel 把这个编号存成了数字 { $number }，且不是整数：请把该列设为文本格式
cli-arg-loyal-import-sheet = 要读取的工作表，按名称或序号（1 为第一个）[默认：第一个]
cli-workbook-to-screen = 工作簿不能显示在屏幕上：请用 --out FILE 写入文件
vcard-customers-only = vCard 文件里是客户：请按客户导入或导出
vcard-bad-line = 这一行不是 vCard 属性（名称:值）
vcard-no-end = 这张名片没有 END:VCARD
vcard-outside-card = 属性不在 BEGIN:VCARD ... END:VCARD 之内
vcard-line-too-long = 属性超过 1 MiB
field-map = 列名映射
field-profile = 映射方案
field-sheet = 工作表
field-encoding = 编码
import-read-as = 按 { $encoding } 读取

## 报表写成 CSV 或 Excel 工作簿（`--format csv|xlsx`、`--out`）
cli-table-to-file = 表格只用于屏幕显示：请用 --format csv、json 或 xlsx 配合 --out FILE
cli-report-written = 已把 { $report } 报表写入 { $file }
report-workbook-title = loyal 报表 { $report }（截至 { $date }）
report-yes = 是
report-no = 否
report-sheet-segments = 客户细分
report-sheet-stages = 忠诚阶梯
report-sheet-values = 价值类别
report-sheet-pareto = 帕累托曲线
report-sheet-summary = 摘要
report-sheet-churn = 各期流失
report-sheet-won-back = 挽回客户
report-sheet-causes = 根本原因
report-sheet-rfm = RFM
report-pareto-customers = 客户数
report-pareto-revenue = 收入
report-pareto-top-count = 前 20% 的客户数
report-pareto-top-share = 前 20% 客户的收入占比
report-pareto-count-80 = 贡献 80% 收入的客户数
report-pareto-share-80 = 他们占全部客户的比例
report-col-segment = 细分
report-col-customers = 客户数
report-col-customer_share = 客户占比
report-col-revenue = 收入
report-col-revenue_share = 收入占比
report-col-stage = 阶段
report-col-share = 占比
report-col-value_class = 价值类别
report-col-measure = 指标
report-col-value = 数值
report-col-period_start = 期初
report-col-period_end = 期末
report-col-active_at_start = 期初活跃
report-col-active_at_end = 期末活跃
report-col-new = 新增
report-col-retention = 留存率
report-col-churn = 流失率
report-col-retained = 留存
report-col-won_back = 挽回
report-col-partial = 不完整周期
report-col-customer_id = 客户编号
report-col-last_before = 流失前最后下单
report-col-churned_on = 流失日
report-col-came_back = 回归日
report-col-category = 类别
report-col-cause = 根本原因
report-col-complaints = 投诉数
report-col-others_said_same = 他人同样反映
report-col-latest = 最近一次
report-col-ids = 投诉编号
report-col-name = 姓名
report-col-recency_days = 距上次下单天数
report-col-frequency = 订单数
report-col-monetary = 消费额
report-col-r = R
report-col-f = F
report-col-m = M
report-col-at_risk = 有风险

## 标准答案库（QA库）
needs-manage-canned-answers = 管理标准答案
needs-use-canned-answers = 使用标准答案
answer-bad-id = { $id } 不能作答案编号（1 到 40 个字符，不含空格）
answer-title-required = 答案需要标题
answer-title-too-long = 标题只能是一行，最多 { $max } 个字符
answer-text-required = 答案需要内容
answer-text-too-long = 内容最多 { $max } 个字符
answer-bad-lang = { $lang } 不是语言代码（如 zh 或 en）
answer-id-taken = 已有答案 { $id }
answer-unknown = 没有答案 { $id }（loyal answers list 可列出全部）
answer-unknown-complaint = 没有投诉 { $id }
answer-unknown-plan = 没有关怀计划 { $id }
answer-repeated-row = 与第 { $line } 行是同一条答案
answer-import-detail = 新增 { $added } 条，修改 { $changed } 条
answer-file-too-many = 超过 { $most } 条答案：这是答案文件吗？
answer-file-not-text = 不是文本
cli-answer-added = 已添加 { $id }：{ $title }
cli-answer-saved = 已保存 { $id }（第 { $version } 版）
cli-answer-removed = 已删除 { $id }：{ $title }
cli-answers-none = 还没有答案（用 loyal answers add 添加，或用 loyal answers import 导入答案库）
answers-col-id = 编号
answers-col-title = 标题
answers-col-tags = 标签
answers-col-uses = 使用次数
answers-col-lang = 语言
cli-answer-written = { $by } 写于 { $at }；{ $changed_by } 改于 { $at_changed }；第 { $version } 版；已使用 { $uses } 次
cli-answers-imported = 新增 { $added } 条，修改 { $changed } 条，未变 { $unchanged } 条{ $skipped ->
        [0] {""}
       *[other] ，跳过 { $skipped } 条错误行
    }
cli-answers-refused =
    { $name }：{ $n } 行有错；未写入任何内容（请改正，或加 --skip-bad 导入其余行）
cli-about-loyal-answers = 标准答案库（QA库）：列出、搜索、添加、修改、使用、导入、导出
cli-about-loyal-answers-list = 答案库的全部答案，按编号排列
cli-after-loyal-answers-list =
    示例：
      loyal answers list
      loyal answers list --tag 退款
cli-arg-loyal-answers-list-tag = 只列出带此标签的答案
cli-arg-loyal-answers-list-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-answers-list-json = 等同于 --format json
cli-about-loyal-answers-show = 一条答案的全部：内容、标签、谁写的谁改的、用过几次
cli-after-loyal-answers-show =
    示例：
      loyal answers show A-0001
cli-arg-loyal-answers-show-id = 答案：A-0001
cli-arg-loyal-answers-show-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-answers-show-json = 等同于 --format json
cli-about-loyal-answers-search = 按标题、标签或内容中的词查找答案（前缀、错字；拼音和首字母）
cli-after-loyal-answers-search =
    示例：
      loyal answers search 退款
      loyal answers search tuikuan
      loyal answers search tk
cli-arg-loyal-answers-search-query = 要找的词
cli-arg-loyal-answers-search-limit = 最多列出这么多条，最相关的在前
cli-arg-loyal-answers-search-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-answers-search-json = 等同于 --format json
cli-about-loyal-answers-add = 添加一条答案；内容里可以用 {"{"}name{"}"}、{"{"}complaint{"}"}、{"{"}staff{"}"} 和 {"{"}due{"}"}
cli-after-loyal-answers-add =
    示例：
      loyal answers add --title 退款流程 --text "{"{"}name{"}"}您好，退款将在3个工作日内原路退回。" --tags 退款,售后
      loyal answers add --title "Late delivery" --text "Dear {"{"}name{"}"}, ..." --lang en
cli-arg-loyal-answers-add-title = 选择框里显示的一行标题
cli-arg-loyal-answers-add-text = 要说或要写的内容
cli-arg-loyal-answers-add-tags = 标签，用逗号分隔
cli-arg-loyal-answers-add-lang = 内容所用的语言：zh、en……
cli-arg-loyal-answers-add-id = 答案编号 [默认：下一个 A-0001]
cli-about-loyal-answers-edit = 修改一条答案（只改给出的字段）
cli-after-loyal-answers-edit =
    示例：
      loyal answers edit A-0001 --tags 退款,售后,财务
      loyal answers edit A-0001 --if-version 2 --text "……"
cli-arg-loyal-answers-edit-id = 答案：A-0001
cli-arg-loyal-answers-edit-if_version = 如果答案已不是此版本（期间有人保存）则拒绝修改
cli-arg-loyal-answers-edit-title = 选择框里显示的一行标题
cli-arg-loyal-answers-edit-text = 要说或要写的内容
cli-arg-loyal-answers-edit-tags = 标签，用逗号分隔（"" 清空）
cli-arg-loyal-answers-edit-lang = 内容所用的语言（"" 清空）
cli-about-loyal-answers-remove = 从答案库删除一条答案
cli-after-loyal-answers-remove =
    示例：
      loyal answers remove A-0007
cli-arg-loyal-answers-remove-id = 答案：A-0001
cli-about-loyal-answers-use = 为一个个案取出答案的内容，占位符已填好（计一次使用）
cli-after-loyal-answers-use =
    示例：
      loyal answers use A-0001 --complaint CM-000012
      loyal answers use A-0003 --customer C-0042
cli-arg-loyal-answers-use-id = 答案：A-0001
cli-arg-loyal-answers-use-customer = 客户（{"{"}name{"}"}）：C-0042 或 #N [默认：投诉或关怀计划的客户]
cli-arg-loyal-answers-use-complaint = 投诉（{"{"}complaint{"}"}，{"{"}due{"}"} 为其下一个时限）
cli-arg-loyal-answers-use-plan = 关怀计划（{"{"}due{"}"} 为其到期日）
cli-arg-loyal-answers-use-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-answers-use-json = 等同于 --format json
cli-about-loyal-answers-import = 从 CSV 或 JSON 导入答案（按编号匹配，没有编号时按标题）
cli-after-loyal-answers-import =
    示例：
      loyal answers import answers.csv
      loyal answers import qa.json --skip-bad
      loyal answers import 话术.csv --encoding gbk
cli-arg-loyal-answers-import-file = 文件（`-`：标准输入）
cli-arg-loyal-answers-import-format = csv 或 json [默认：看文件扩展名]
cli-arg-loyal-answers-import-skip_bad = 导入正确的行并列出错误的行（默认：只要有一行错就什么都不写）
cli-arg-loyal-answers-import-encoding = 文件的文字编码：utf-8、gbk、gb18030、big5、utf-16 [默认：自动识别]
cli-about-loyal-answers-export = 把整个答案库写成 CSV 或 JSON（再导入时不会有任何改变）
cli-after-loyal-answers-export =
    示例：
      loyal answers export > answers.csv
      loyal answers export --format json --out answers.json
cli-arg-loyal-answers-export-format = csv 或 json
cli-arg-loyal-answers-export-out = 写到这个文件而不是标准输出
action-pick_answer = 插入标准答案（回复、备注或跟进中）
answers-picker-title = 标准答案
answers-picker-empty = 答案库是空的（用 loyal answers add 或 import 添加）
answers-picker-footer = { $open } 插入 · { $move } 选择 · { $back } 返回表单
hint-pick-answer = 答案
answer-inserted = 已插入 { $title }
answer-form-gone = 答案未插入：表单已关闭
answers-not-here = 此表单不用标准答案
action-manage_answers = 标准答案库：查找、添加、修改、删除答案
action-new_answer = 新建一条标准答案（在答案库中）
action-remove_answer = 删除所选的标准答案（会先确认）
section-answers = 答案库
answers-manager-title = 标准答案库
answers-manager-footer = { $open } 修改 · { $new } 新建 · { $remove } 删除 · { $back } 关闭
field-answer-title = 标题
field-answer-text = 内容
field-answer-lang = 语言
answer-form-new = 新建标准答案（使用时会填入 {"{"}name{"}"} {"{"}complaint{"}"} {"{"}staff{"}"} {"{"}due{"}"}）
answer-form-edit = 标准答案 { $id }
answer-form-remove = 删除 { $id }（{ $title }）？按 Enter 删除
saved-answer = 已保存 { $id }：{ $title }
saved-answer-plain = 已保存答案
removed-answer = 已删除 { $id }：{ $title }
remind-overdue = { $n } 个关怀计划逾期
remind-due = { $n } 个今天到期
remind-new = { $n } 件新投诉
remind-sla-soon = { $n } 件投诉一小时内到时限
remind-sla-breached = { $n } 件已超时
remind-overdue-short = 逾期{ $n }
remind-due-short = 今天{ $n }
remind-new-short = 新投诉{ $n }
remind-sla-soon-short = 1小时内{ $n }
remind-sla-breached-short = 超时{ $n }
remind-line = { $staff }：{ $items }
remind-nothing = { $staff }：目前没有需要您处理的事
config-bad-bell = bell：{ $value } 不是 true 或 false
config-bad-notify = notify：{ $value } 不是 off、osc9 或 osc777
remind-total = { $n } 件待办
cli-about-loyal-remind = 现在需要您处理的事：逾期和今天到期的关怀计划、新投诉、一小时内到时限的投诉
cli-after-loyal-remind =
    示例：
      loyal remind
      loyal remind --format json
      loyal remind --format tmux      写进 tmux.conf：set -g status-right '#(loyal remind --format tmux)'
cli-arg-loyal-remind-format = text 给人看；json 给程序用；tmux 用于状态栏
pop-bad-phone = { $phone } 不是电话号码（数字，可带 + - ( ) . 或空格）
pop-no-one = 请说明来电给谁的工作台（--to 员工）
pop-cannot-write = 无法把来电写入 { $folder }：{ $error }
pop-caller = 来电 { $phone }：{ $name }
pop-unknown = 来电 { $phone }：没有客户用这个号码（已打开新客户表单，号码已填好）
pop-several = 来电 { $phone }：{ $n } 位客户用这个号码
pop-busy = 来电 { $phone }（保存或关闭表单后显示来电客户）
cli-popped = 已把 { $phone } 发到 { $to } 的工作台
cli-about-loyal-pop = 在某位员工的工作台上弹出来电客户（供电话系统调用）
cli-after-loyal-pop =
    示例：
      loyal pop 13800138000
      loyal pop "+86 138-0013-8000" --to "李娜"
    
    一位客户用此号码：打开来电界面；几位：显示查找列表；没有：打开新客户表单并填好号码。60 秒内无人看到的弹屏会被丢弃。
cli-arg-loyal-pop-phone = 来电号码
cli-arg-loyal-pop-to = 谁的工作台：员工姓名或系统账号 [默认：您的系统账号]
cli-by-satisfaction-only = --by 只用于满意度报表（--by owner 或 channel）和流失报表（--by owner）
cli-satisfaction-head = 有评分的跟进的满意度（1 很不满意 到 5 非常满意），按周期
cli-satisfaction-none = 还没有带满意度评分的跟进（loyal followup log … --satisfaction 1-5）
cli-col-group = 负责人 / 渠道
cli-col-responses = 评分数
cli-col-average = 平均分
cli-col-unhappy = 1-2 分
cli-col-average-bar = 平均分（每个 # = 1/8）
report-col-average = 平均分
report-col-group = 负责人或渠道
report-col-responses = 有评分的跟进
report-col-unhappy = 1-2 分的数量
report-col-unhappy_share = 1-2 分的占比
report-sheet-satisfaction = 满意度
answer-too-long-for-field = { $title } 超过此栏可容纳的长度（最多还能输入 { $most } 个字符）：未插入
cli-arg-loyal-answers-remove-if_version = 如果答案已不是此版本（期间有人保存）则拒绝删除

## 团队与转派（issue 15 §4）
team-service = 客服
team-finance = 财务
team-sales = 销售
team-no-name = { $part } 中有一个没有名称的团队
team-bad-name = 团队名称 { $name } 太长（最多 { $max } 个字）或含 , : ; 或控制字符
team-twice = 团队 { $name } 重复
team-bad-member = 成员 { $member } 含控制字符
setting-teams = 投诉可转派的团队及成员：`service: ann, bob; finance: carol`
complaint-event-routed = 转派
complaint-route-closed = { $id } 已{ $status }；请重新打开后再转派
no-teams = 没有团队 { $team }：尚未设置团队（loyal config set teams "service; finance; sales"）
no-such-team = 没有团队 { $team }（现有团队：{ $teams }）
no-teams-set = 尚未设置团队：管理员可用 loyal config set teams "service; finance; sales" 设置
event-unassigned = 取消指派：在{ $team }队列中等待处理
event-routed = 转派给{ $team }
event-routed-why = 转派给{ $team }：{ $note }
audit-complaint-route = 转派投诉
action-route = 把投诉转派给团队
complaint-form-route = 转派给团队
field-team = 团队
field-route-why = 原因（记入处理记录）
field-route-to = 指派给（可选）
detail-team = 团队
queue-col-team = 团队
cli-view-team = 团队
remind-team = 团队队列中有 { $n } 件投诉待处理
remind-team-short = 团队{ $n }
cli-about-loyal-complaint-route = 转派给团队（财务、销售等）；时限照常计时
cli-after-loyal-complaint-route =
    示例：
      loyal complaint route CM-000007 --team finance --note "五月起欠退款"
      loyal complaint route CM-000007 --team sales --to dan
cli-arg-loyal-complaint-route-id = 投诉：CM-000007
cli-arg-loyal-complaint-route-team = 团队，按 `teams` 设置中的名称
cli-arg-loyal-complaint-route-note = 转派原因（记入处理记录）
cli-arg-loyal-complaint-route-to = 同时指派给该团队中的这个人
cli-arg-loyal-complaints-team = 只看转派给此团队的投诉（finance、sales 等）

## 意见领袖（issue 15 §5）
influence-teacher = 老师
influence-journalist = 记者
influence-manager = 管理者
influence-community_leader = 社区领袖
influence-other = 其他意见领袖
influence-note-long = 备注超过 { $max } 个字，请缩短（未保存）
audit-customer-influence = 标记意见领袖
report-sheet-influencers = 意见领袖
report-col-influence = 影响力
report-col-note = 备注
report-col-referrals = 推荐人数
report-col-referred_buyers = 推荐且已购买
report-col-referred_revenue = 被推荐客户营收
cli-influencers-head = { $n } 位意见领袖，按带来的营收排序
cli-influencers-none = 尚未标记（loyal customer influence 编号 --kind teacher）
cli-col-customer = 客户
cli-col-influence = 影响力
cli-col-referrals = 推荐
cli-col-bought = 已购买
cli-col-referred-revenue = 其营收
cli-col-note = 备注
cli-influence-none = 未标记影响力
cli-influence-line = 意见领袖：{ $kind }{ $note }（{ $by } 于 { $date } 标记）
cli-field-influence = 影响力
influencer-mark = KOL
customers-filter-yes-no = { $value } 不是 yes 或 no（是/否）
card-influence = 影响力
influence-none = 无
form-influence = { $name } 的影响力
field-influence = 意见领袖
field-influence-note = 谁听他/她的
influence-cleared = 已取消意见领袖标记
influence-saved = 已标记意见领袖
action-set_influence = 把客户标记为意见领袖
cli-about-loyal-customer-influence = 把客户标记为意见领袖（或查看、清除标记）
cli-after-loyal-customer-influence =
    示例：
      loyal customer influence C-000042 --kind teacher --note "三班家长群群主"
      loyal customer influence C-000042
      loyal customer influence C-000042 --clear
cli-arg-loyal-customer-influence-id = 客户：外部编号或 #N
cli-arg-loyal-customer-influence-kind = teacher、journalist、manager、community_leader、other
cli-arg-loyal-customer-influence-note = 谁听他/她的，为什么（与 --kind 一起用）
cli-arg-loyal-customer-influence-clear = 清除影响力标记

## 流失原因与挽回（issue 15 §6）
care-purpose-win_back = 挽回
note-win-back-reason = { $day } 流失（{ $reason }）；曾带来 { $revenue }：致电挽回
note-win-back = { $day } 流失；曾带来 { $revenue }：致电挽回
note-win-back-risk = { $segment }；曾带来 { $revenue }：在流失前致电
audit-care-win_back = 安排挽回电话
report-sheet-churn-reasons = 流失原因
report-col-reason = 原因
cli-churn-reasons-head = 流失客户：按流失所在期间和档案中的原因
cli-churn-reasons-none = 没有流失客户
cli-col-reason = 原因
cli-churn-no-reason = （未记录原因）
cli-creating-win-back = 正在安排挽回电话
cli-win-back-plans = 已安排 { $created } 个挽回电话（{ $existing } 位已有安排）
cli-win-back-head = { $n } 位高价值客户已流失或正在流失，尚未安排挽回电话
cli-win-back-churned-why = { $day } 流失：{ $reason }
cli-win-back-churned = { $day } 流失
cli-win-back-rate = 目前已挽回：致电的 { $plans } 位中 { $won } 位（{ $pct }），以安排电话后再次下单计
cli-win-back-no-plans = 尚未安排挽回电话
cli-about-loyal-winback = 已流失或正在流失、尚无挽回计划的高价值客户（MVC、MGC）
cli-after-loyal-winback =
    示例：
      loyal winback
      loyal winback --plan --due +2d
      loyal winback --format json
cli-arg-loyal-winback-as_of = 从哪一天看：2026-12-01、-7d … [默认：今天]
cli-arg-loyal-winback-plan = 为每位安排一个挽回电话（分派给客户负责人）
cli-arg-loyal-winback-due = 电话的到期日 [默认：今天]
cli-arg-loyal-winback-limit = 最多显示这么多位（表格；--plan 会全部安排）
cli-arg-loyal-winback-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-winback-json = 等同于 --format json
action-plan_win_back = 为已流失或正在流失的高价值客户安排挽回电话
win-back-where = 请到 RFM 窗格（4）安排挽回电话
win-back-planning = 正在安排挽回电话…
win-back-planned = 已安排 { $created } 个挽回电话（{ $existing } 位已有安排）
hint-win-back = 安排挽回电话
report-sheet-churn-by-owner = 按负责人的留存
report-col-owner = 负责人
cli-churn-by-owner-head = 按客户负责人的留存：每期期初活跃的客户及留下的比例
cli-no-owner = （无负责人）
rfm-view-owners = 按负责人的留存
rfm-view-satisfaction = 满意度
col-trend = 比例条（+/- 与上月比）
col-scored = 评分数
col-average = 均分
col-unhappy = 1-2分
col-score-bar = 平均分（1 到 5）
owners-no-period = 尚无完整月份
owners-footer = 月初活跃者月底仍活跃的比例 · 每月明细：report churn --by owner
satisfaction-reading = 正在读取评分…
satisfaction-none = 还没有带满意度评分的跟进
satisfaction-footer = 红色：五分之一以上为 1-2 分 · report satisfaction --by owner|channel
cli-about-loyal-clv = 谁仍是客户、每位值多少：用订单拟合 BG/NBD 与 Gamma-Gamma 模型，给出存活概率、预期购买次数与客户终身价值
cli-after-loyal-clv =
    示例：
      loyal clv
      loyal clv --calibration-end 2026-06-30 --holdout-end 2026-09-30
      loyal clv --months 24 --format csv > clv.csv
cli-arg-loyal-clv-calibration_end = 用截至这一天的订单拟合：2026-06-30、-90d … [默认：今天]
cli-arg-loyal-clv-horizon_weeks = 预期购买次数一栏的周数
cli-arg-loyal-clv-months = 终身价值计算的月数（按团队设置 clv.discount_rate 折现）
cli-arg-loyal-clv-holdout_end = 另按周对比预测与实际的重复购买，直到这一天
cli-arg-loyal-clv-limit = 最多显示这么多位客户，终身价值高的在前（表格）
cli-arg-loyal-clv-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-clv-json = 等同于 --format json
cli-clv-head = 截至 { $date } 的终身价值：{ $n } 位有订单的客户
cli-clv-bgnbd = BG/NBD（谁还在购买）：r = { $r }，alpha = { $alpha }，a = { $a }，b = { $b }，对数似然 { $ll }
cli-clv-gamma-gamma = Gamma-Gamma（每次购买的花费）：p = { $p }，q = { $q }，v = { $v }
cli-clv-tracking-head = 验证期：累计重复购买，预测对实际
cli-col-repeats = 复购
cli-col-p-alive = 存活概率
cli-col-expected-purchases = 未来 { $weeks } 周
cli-col-avg-spend = 平均花费
cli-col-clv = { $months } 个月价值
cli-col-week = 周
cli-col-until = 截至
cli-col-predicted = 预测
cli-col-actual = 实际
clv-bad-horizon = 预测周数必须不小于零
clv-holdout-before-end = 验证期结束日必须晚于拟合截止日
setting-clv-discount_rate = 终身价值的年折现率（loyal clv）
card-margin-cost = 毛利
card-margin-cost-line = { $margin } · 服务成本 { $cost }（投诉 { $complaints } 次，联系 { $contacts } 次）
cli-col-margin = 毛利
cli-col-service-cost = 服务成本
report-col-margin = 毛利
report-col-service_cost = 服务成本
cross-sell-bad-support = 最小支持度是 0 到 1 之间的比例
cross-sell-too-many = 不同商品超过 16,777,216 种或客户超过 2^40 位：无法统计组合
cli-arg-loyal-report-min_support = 交叉销售：只列至少这一比例的客户一起买过的组合 [默认：0.01]
cli-arg-loyal-report-of = 交叉销售：按订单的商品或按品类组成购物篮 [默认：商品]
cli-cross-sell-only = --min-support 与 --of 只用于交叉销售报表（cross-sell）
cli-cross-sell-head = 一起购买：{ $customers } 位有商品记录的客户，{ $rules } 条规则，提升度高的在前
cli-col-buyers-of = 买了
cli-col-also-bought = 也买了
cli-col-support = 支持度
cli-col-confidence = 置信度
cli-col-lift = 提升度
report-sheet-cross-sell = 交叉销售
report-col-from = 买了
report-col-to = 也买了
report-col-support = 支持度
report-col-confidence = 置信度
report-col-lift = 提升度
card-lifetime = 终身价值
card-lifetime-alive = 仍是客户的概率 { $alive }
card-lifetime-slipping = 仍是客户的概率 { $alive }（{ $days } 天前 { $before }：正在流失）
card-lifetime-next = 未来 { $days } 天预计购买 { $n } 次
card-lifetime-worth = 未来 12 个月价值 { $clv }
call-alive = 存活 { $alive }
call-alive-slipping = 存活 { $alive }，正在流失
call-clv = 终身价值 { $clv }
call-next-purchases = { $days } 天内约购 { $n } 次
note-win-back-slipping = 仍是客户的概率 { $alive }，{ $days } 天前为 { $before }；未来 12 个月价值 { $clv }：趁客户还没走，打个电话
rfm-view-lifetime = 终身价值
lifetime-fit = BG/NBD r { $r } α { $alpha } a { $a } b { $b } · Gamma-Gamma p { $p } q { $q } v { $v } · 基于 { $customers } 位客户拟合
lifetime-no-fit = 无法拟合终身价值模型：{ $why }
lifetime-tracking-wait = 正在用最近几周检验模型…
lifetime-tracking-none = 还没有可检验的周
lifetime-tracking = 拟合后 { $weeks } 周：预测复购 { $predicted } 次，实际 { $actual } 次
lifetime-predicted = 预测
lifetime-actual = 实际
lifetime-slipping-head = { $n } 位高价值客户正在流失（{ $days } 天内仍是客户的概率下降）
lifetime-slipping-none = 没有正在流失的高价值客户
lifetime-waits = 名单要等评分完成（稍候）
col-alive-before = 30天前
col-repeats = 复购
card-suggest = 推荐
card-suggest-wait = 正在查找同类买家还买了什么…
card-suggest-one = { $thing }（{ $because } 买家 { $share } 也买）
talk-suggest = 可推荐 { $thing }（买 { $because } 的客户通常也买）
setting-points-per_unit = 每消费 1.00 获得的积分（每笔订单向下取整）
setting-points-category_multipliers = 按订单品类的积分倍数，例如 equipment:2,gifts:1.5
setting-points-referral_bonus = 被推荐客户首次下单时给推荐人的积分
setting-points-birthday_bonus = 客户生日当天下单的奖励积分（每年一次）
setting-points-expiry_months = 积分获得后多少个月过期，先到期先扣（0：永不过期）
setting-points-tiers = 按近 12 个月所得积分划分的等级：名称:起点，从低到高
setting-points-redemption_value = 每个积分兑换时的价值（积分报表中的负债）
setting-points-agent_grant_limit = 客服一次最多可赠送的积分（管理员不限）
setting-bad-points = { $value } 不是 0 到 1000000000 之间的积分数
setting-bad-months = { $value } 不是 0 到 600 之间的月数
points-bad-multiplier = { $part } 不是 品类:倍数（如 equipment:2 或 gifts:1.5）
points-bad-tier = { $part } 不是 名称:积分，且每一级的起点须高于上一级
points-kind-granted = 赠送
points-kind-redeemed = 兑换
points-kind-bad = { $value } 既不是赠送（granted）也不是兑换（redeemed）
points-earned = 消费获得
points-taken-back = 退款扣回
points-bonus = 奖励
points-expired = 过期
points-grant-limit = 客服一次最多赠送 { $limit } 积分（请找管理员）
points-bad-number = 积分须为 1 到 1000000000 之间的整数
points-reason-needed = 必须填写原因
points-balance-moved = 余额在你查看后变了（原 { $seen }，现 { $balance }）：请重新查看
points-not-enough = 可兑换积分只有 { $balance }，不够 { $asked }
needs-grant-points = 赠送积分
needs-redeem-points = 兑换积分
needs-import-points = 导入积分
audit-points-grant = 赠送积分
audit-points-redeem = 兑换积分
audit-points-import = 导入积分记录
points-tier-bronze = 铜卡
points-tier-silver = 银卡
points-tier-gold = 金卡
points-bad-time = { $value } 不是 2026-12-01T09:30:00Z 这样的时间或日期
points-id-needed = 必须有编号（再次导入时按它匹配）
points-id-taken = { $id } 已在账中且内容不同（账目不可改）
cli-points-balance = { $customer }：{ $balance } 积分（价值 { $value }）· 等级 { $tier }（近 12 个月获得 { $earned }）
cli-points-negative = 余额为负：退款扣回了已用掉的积分（如实显示）
cli-points-expiring = { $points } 积分将在 { $days } 天内过期
cli-points-totals = 消费获得 { $earned } · 退款扣回 { $back } · 奖励 { $bonus } · 赠送 { $granted } · 兑换 { $redeemed } · 过期 { $expired }
cli-points-none = 没有积分变动
cli-points-redeemed = { $id }：已兑换 { $points } 积分；现余 { $balance }
cli-points-granted = { $id }：已赠送 { $points } 积分；现余 { $balance }
cli-points-expire-head = { $n } 位客户有积分将在 { $days } 天内过期
cli-points-imported = 导入 { $created } 条积分记录，{ $unchanged } 条已存在
cli-points-refused = { $name }：{ $n } 行有误；未写入任何内容
cli-about-loyal-points = 积分：查看、明细、兑换、赠送、过期、导出、导入
cli-about-loyal-points-show = 客户的积分余额、等级、即将过期的积分和最近的变动
cli-about-loyal-points-statement = 每一笔变动及变动后的余额，从旧到新
cli-about-loyal-points-redeem = 兑换积分（不够时拒绝，并告知余额）
cli-about-loyal-points-grant = 手动赠送积分（客服每次最多 points.agent_grant_limit）
cli-about-loyal-points-expire = 哪些客户的积分即将过期，以及迄今已过期多少
cli-about-loyal-points-export = 把所有记录的变动（赠送、兑换）写成 CSV 或 JSON
cli-about-loyal-points-import = 从其他系统的文件（CSV 或 JSON）读入积分变动，要么全部写入要么都不写；按编号匹配，再次导入不会改变任何东西
cli-after-loyal-points-show =
    示例：
      loyal points show C-000042
      loyal points show C-000042 --as-of 2026-12-31 --format json
cli-after-loyal-points-statement =
    示例：
      loyal points statement C-000042
      loyal points statement C-000042 --since 2026-01-01 --format csv
cli-after-loyal-points-redeem =
    示例：
      loyal points redeem C-000042 500 --reason "gift box"
cli-after-loyal-points-grant =
    示例：
      loyal points grant C-000042 200 --reason "sorry for the late parcel"
cli-after-loyal-points-expire =
    示例：
      loyal points expire
      loyal points expire --as-of 2026-12-31 --within-days 60 --format csv
cli-after-loyal-points-export =
    示例：
      loyal points export > points.csv
      loyal points export --format json > points.json
cli-after-loyal-points-import =
    示例：
      loyal points import points.csv
cli-arg-loyal-points-show-customer = 客户：外部编号或 #N
cli-arg-loyal-points-show-as_of = 截至这一天结束时的余额（默认现在）
cli-arg-loyal-points-statement-customer = 客户：外部编号或 #N
cli-arg-loyal-points-statement-since = 只看这一天起的变动
cli-arg-loyal-points-redeem-customer = 客户：外部编号或 #N
cli-arg-loyal-points-redeem-points = 多少积分
cli-arg-loyal-points-redeem-reason = 兑换了什么
cli-arg-loyal-points-grant-customer = 客户：外部编号或 #N
cli-arg-loyal-points-grant-points = 多少积分
cli-arg-loyal-points-grant-reason = 原因
cli-arg-loyal-points-expire-as_of = 截至这一天结束时（默认现在）
cli-arg-loyal-points-expire-within_days = 往后看多少天
cli-arg-loyal-points-import-file = 文件（.csv 或 .json）
cli-arg-loyal-points-show-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-points-show-json = 等同于 --format json
cli-arg-loyal-points-statement-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-points-statement-json = 等同于 --format json
cli-arg-loyal-points-expire-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-points-expire-json = 等同于 --format json
cli-arg-loyal-points-export-format = table 给人看；csv 或 json 给程序用（README 列出每个命令的 JSON）
cli-arg-loyal-points-export-json = 等同于 --format json
report-col-earned = 消费获得
report-col-taken_back = 退款扣回
report-col-bonus = 奖励
report-col-granted = 赠送
report-col-redeemed = 兑换
report-col-expired = 过期
report-col-tier = 等级
report-col-points = 积分
report-col-worth = 价值
report-sheet-points = 积分
report-sheet-tiers = 等级
report-sheet-tier-moves = 等级变动
report-points-outstanding = 未兑换积分（负债）
report-points-shortfall = 负余额积分（兑换后又退款）
cli-points-report-head = 截至 { $date } 的积分：{ $customers } 位客户，未兑换 { $outstanding } 积分，价值 { $value }
cli-points-report-below = { $n } 位客户余额为负，共差 { $points } 积分（退款扣回了已用掉的积分）
cli-points-report-move = { $from } -> { $to }：{ $n }
card-points = 积分
card-points-wait = 正在读取积分…
card-points-line = { $balance } 积分（价值 { $value }）· { $tier }
card-points-below-zero = 余额为负：退款扣回了已用掉的积分
card-points-expiring = { $points } 积分将在 { $days } 天内过期
call-points = 积分 { $balance } { $tier }
action-redeem_points = 兑换积分（不超过余额）
action-grant_points = 手动赠送积分，须写原因
form-redeem-points = 兑换积分：{ $name }（余额 { $balance }）
form-grant-points = 赠送积分：{ $name }（余额 { $balance }）
field-points = 积分
points-saved = { $id }：{ $kind } { $points } 积分
points-saved-plain = 积分已保存
talk-points-expiring = { $points } 积分将在 { $days } 天内过期：提醒兑换
setting-points-tier_multipliers = 按下单时所在等级的积分倍数，例如 silver:1.25,gold:1.5
setting-bad-per-unit = { $value } 不是 0 到 10000.00 之间的每 1.00 积分数
