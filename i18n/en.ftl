# English catalogue of loyal. One message per id; the Chinese catalogue (zh-CN.ftl) has the
# same ids. Ids are lower-case words joined by '-'.

## Relative days and durations
day-today = today
day-yesterday = yesterday
day-tomorrow = tomorrow
day-ago = { $n ->
    [one] 1 day ago
   *[other] { $n } days ago
    }
day-in = { $n ->
    [one] in 1 day
   *[other] in { $n } days
    }
span-days = { $d }d { $h }h
span-hours = { $h }h { $m }m
span-minutes = { $m }m

## Counts
count-contacts = { $n ->
    [one] 1 contact
   *[other] { $n } contacts
    }

## Segments (RFM)
segment-champions = Champions
segment-loyal = Loyal
segment-potential-loyalist = Potential Loyalist
segment-new = New
segment-promising = Promising
segment-needs-attention = Needs Attention
segment-about-to-sleep = About to Sleep
segment-at-risk = At Risk
segment-can-t-lose-them = Can't Lose Them
segment-hibernating = Hibernating
segment-lost = Lost

## Value classes
value-class-mvc = MVC
value-class-mgc = MGC
value-class-bz = BZ
value-class-standard = Standard

## Loyalty ladder
stage-prospect = prospect
stage-target = target
stage-first-time = first-time
stage-repeat = repeat
stage-loyal = loyal
stage-advocate = advocate

## Periods
period-week = week
period-month = month
period-quarter = quarter

## Roles
role-viewer = viewer
role-agent = agent
role-admin = admin

## Care plans
care-purpose-birthday = birthday
care-purpose-post_purchase = post purchase
care-purpose-reorder = reorder
care-purpose-delivery = delivery
care-purpose-payment = payment
care-purpose-stay_in_touch = stay in touch
care-purpose-satisfaction = satisfaction
care-purpose-custom = custom

## Care plan status
care-plan-status-open = open
care-plan-status-done = done
care-plan-status-skipped = skipped

## Recurrence
recurrence-unit-days = days
recurrence-unit-weeks = weeks
recurrence-unit-months = months
recurrence-unit-years = years

## Customer status
status-active = active
status-churned = churned
status-won_back = won back

## Gender
gender-female = female
gender-male = male
gender-other = other

## Severity
severity-low = low
severity-normal = normal
severity-high = high
severity-urgent = urgent

## Complaint status
complaint-status-new = new
complaint-status-acknowledged = acknowledged
complaint-status-in_progress = in progress
complaint-status-resolved = resolved
complaint-status-closed = closed

## Complaint history
complaint-event-opened = opened
complaint-event-status_change = status change
complaint-event-reply = reply
complaint-event-note = note
complaint-event-customer_contact = customer contact
complaint-event-escalated = escalated

## Imports
import-state-running = running
import-state-done = done
import-state-rolled_back = rolled back
import-state-resumed = resumed
import-state-rolling_back = rolling back

## Direction
direction-inbound = inbound
direction-outbound = outbound

## Follow-up kinds
follow-up-kind-care = care
follow-up-kind-sales = sales
follow-up-kind-service = service
follow-up-kind-survey = survey
follow-up-kind-win_back = win back
follow-up-kind-other = other

## Channels
channel-phone = phone
channel-email = email
channel-visit = visit
channel-sms = sms
channel-chat = chat
channel-web = web
channel-other = other

## Workbench actions (help and the command palette)
action-quit = quit (asks first when a form holds unsaved input)
action-force_quit = quit at once
action-help = show the keys of this pane
action-palette = run any action by name
action-lookup = quick lookup: phone digits, name, pinyin, email, id
action-back = close the card, overlay or filter; go back
action-refresh = reload what the screen shows
action-pane_customers = customers pane
action-pane_followups = follow-ups pane
action-pane_complaints = complaints pane
action-pane_rfm = RFM pane
action-next_pane = next pane
action-prev_pane = previous pane
action-down = move down
action-up = move up
action-top = go to the first row
action-bottom = go to the last row
action-page_down = one page down
action-page_up = one page up
action-open = open the selected row
action-log_followup = log a follow-up with this customer
action-open_complaint = open a complaint for this customer
action-add_care_plan = schedule a care plan for this customer
action-edit_customer = edit this customer's file
action-new_customer = add a new customer
action-sort = sort by the next column
action-reverse_sort = reverse the sort order
action-filter = filter the list (stage:, segment:, owner:, tag:, status:...)
action-clear_filter = show everything again
action-plan_done = mark the care plan done and log the contact
action-plan_skip = skip the care plan (a series goes on)
action-next_view = switch view (agenda, recent log, forgotten)
action-acknowledge = acknowledge the complaint (first response)
action-start_work = start working on the complaint
action-reply = reply to the customer
action-note = add an internal note
action-customer_contact = the customer contacted us again
action-resolve = resolve with the root cause
action-close = close the resolved complaint
action-reopen = reopen the complaint
action-assign = assign the complaint to someone
action-as_of = score as of another date
action-log_call = log this call (phone, inbound) with the customer filled in
action-plan_reorders = plan a reorder call for each customer due to reorder
action-audit = the audit trail: who changed what, and when
action-roles = who has which role
action-set_role = give someone a role (admins)
action-merge = merge another customer's file into this one (admins)
action-import = import a file of customers, orders, contacts, plans or complaints
action-export = export customers, orders... to a file (admins)
action-next_field = next field
action-prev_field = previous field
action-line_up = the line above (on the first line: the previous field)
action-line_down = the line below (on the last line: the next field)
action-submit = save the form
action-reload_form = load what a colleague saved meanwhile (keeps what you typed)
action-char_left = cursor left (a choice: the previous value)
action-char_right = cursor right (a choice: the next value)
action-word_left = cursor to the previous word
action-word_right = cursor past the next word
action-line_start = cursor to the start of the line
action-line_end = cursor to the end of the line
action-delete_back = delete the character before the cursor
action-delete_forward = delete the character under the cursor
action-delete_word_back = delete the word before the cursor
action-delete_word_forward = delete the word after the cursor
action-clear_to_start = delete to the start of the line
action-clear_to_end = delete to the end of the line
action-newline = a new line (in notes and descriptions)
action-yes = answer yes
action-no = answer no

## Keymap sections (help)
section-global = Everywhere
section-list = In every list
section-customers = Customers
section-card = Customer card
section-followups = Follow-ups
section-complaints = Complaints
section-rfm = RFM
section-form = In a form
section-input = Editing text
section-lookup = Quick lookup
section-palette = Command palette
section-help = This help
section-confirm = Questions (yes or no)

## SLA and lists
sla-breached-ago = ! BREACHED { $span } ago
sla-breached-left = ! BREACHED ({ $span } left)
sla-breached = ! BREACHED
sla-over = ! { $span } over
sla-late-left = ! late, { $span } left
sla-soon-left = ~ { $span } left
sla-left = { $span } left
sla-met = met
list-row-of = row { $row } of { $total }

## The screen
screen-too-small = loyal needs a terminal of at least { $min_w }x{ $min_h }; this one is { $w }x{ $h }. Enlarge the window (q quits).
report-footer = { $lines } · { $down }/{ $up } scroll · any other key closes
count-lines =
    { $n ->
        [one] 1 line
       *[other] { $n } lines
    }
notes-any-key = (any key closes)
notes-title = Keymap notes
hint-save = save
hint-next-field = next field
hint-change-choice = change choice
hint-new-line = new line
hint-cancel = cancel
tab-card = [card]
importing-rows = importing { $name }: { $done } of { $total } rows
checking-rows = checking { $name }: { $done } rows
status-find = find
status-keys = keys
status-actions = actions
status-quit = quit
pane-customers = Customers
pane-followups = Follow-ups
pane-complaints = Complaints
pane-rfm = RFM
help-title = Keys here
help-footer = j/k scroll · any other key closes · : runs any action by name
lookup-bug = the lookup gave an unexpected answer (a bug)
lookup-title = Find a customer
lookup-footer = phone digits or last 4 · name · pinyin · email · id · ↑↓ choose · Enter open · Esc close
lookup-no-match = no match
lookup-hint = type a phone's last digits, a name (张三 or zhangsan or zs), an email…
palette-title = Run an action
palette-footer = type to filter · ↑↓ · Enter run · Esc close
palette-no-match = no action matches

## Customers pane
sort-id = id
sort-name = name
sort-last-contact = last contact
sort-last-order = last order
sort-spend = spend
sort-segment = segment
sort-stage = stage
sort-clv = lifetime value
sort-alive = least likely still a customer
customers-bug = the customer list gave an unexpected answer (a bug)
unexpected-answer = an unexpected answer (a bug)
customers-sorted-by = sorted by { $key }
customers-sorted-by-reversed = sorted by { $key } (reversed)
customers-filter = filter: { $filter }
customers-scoring = scoring…
col-name = Name
col-phone = Phone
col-stage = Stage
col-segment = Segment
col-value = Value
col-contacted = Contacted
col-owner = Owner
col-clv = CLV
col-alive = Alive
customers-cannot-read = cannot read customers: { $error }
customers-none-yet = No customers yet: press n to add one, or import a file (loyal import --help).
customers-none-match = No customer matches the filter (x clears it).
rows-none = no rows
rows-at = row { $row } of { $total }
rows-at-in-all = row { $row } of { $listed } ({ $total } in all)
customer-removed = (customer { $id } was removed)
never = never
filter-waits = filtering waits for scoring to finish (a moment)
sort-waits = sorting waits for scoring to finish (a moment)
sorted-by = sorted by { $key }
no-customer-selected = no customer selected
customers-filter-hint = stage: segment: value: owner: tag: status: influencer:yes slipping:yes or name words
customers-filter-unknown = unknown filter { $term } (use stage:, segment:, value:, status:, owner:, tag:, influencer:, slipping:, or words of the name)

## Follow-ups and complaints panes
view-agenda = Agenda
view-recent = Recent log
view-forgotten = Forgotten
view-switches = (v switches)
agenda-first-of = first { $shown } of { $total }
agenda-loading = loading the agenda…
agenda-empty = Nothing planned for the next 7 days. Care plans appear here (p on a customer adds one).
col-when = When
col-due = Due
col-purpose = Purpose
col-customer = Customer
col-assignee = Assignee
col-note = Note
group-overdue = ! overdue
group-today = today
group-soon = soon
recent-loading = loading the log…
recent-empty = No contact logged yet.
col-at = At
col-channel = Channel
col-staff = Staff
col-summary = Summary
forgotten-counting = counting silent customers…
forgotten-at-least = ≥{ $days }d: { $n }
forgotten-never = never: { $n }
col-silent = Silent
count-days =
    { $n ->
        [one] 1 day
       *[other] { $n } days
    }
nothing-selected = nothing selected
select-plan-first = select a care plan in the agenda first
queue-filter-unknown = unknown filter { $term } (use status:new, assignee:NAME, breached)
queue-open = open complaints
queue-filter = filter: { $filter }
queue-most-urgent-of = the { $shown } most urgent of { $total }
queue-order = most urgent first
queue-loading = loading the queue…
col-id = Id
col-severity-short = Sev
col-status = Status
col-customer-category = Customer · category
col-sla = SLA
col-calls = Calls
queue-empty = The queue is empty.
escalated-short = ESC
detail-status = Status
detail-status-line = { $status } · severity { $severity } (opened { $opened }) · { $contacts }
detail-escalated = ESCALATED
detail-sla = SLA
detail-category = Category
detail-category-line = { $category } via { $channel } · assignee { $assignee }
detail-description = Description
detail-root-cause = Root cause
detail-prevention = Prevention
detail-history = History
no-complaint-selected = no complaint selected
queue-filter-hint = status:new assignee:NAME team:finance breached
hint-ack = ack
hint-reply = reply
hint-note = note
hint-contact = contact
hint-resolve = resolve
hint-close = close
hint-reopen = reopen
hint-back = back

## RFM pane
rfm-view-segments = segments
rfm-view-churn = churn by month
rfm-view-reorders = due to reorder
rfm-view-causes = root causes
rfm-head = As of { $date } · { $scored } scored customers · { $view } · { $keys }
rfm-scoring = scoring every customer…
reorders-finding = finding who is due to reorder…
col-expected = Expected
reorders-none = Nobody is due to reorder within a week.
reorder-overdue = overdue by { $days }
reorder-in = in { $days }
causes-reading = reading the root causes…
col-category = Category
col-root-cause = Root cause
col-complaints = Complaints
col-others-too = Others too
col-latest = Latest
causes-none = No resolved complaint has a root cause yet (R on a complaint resolves it with one).
col-customers-short = Cust.
col-share = Share
col-revenue = Revenue
rfm-bars = bars: share of revenue
rfm-pareto = Pareto (80/20)
rfm-pareto-top = top 20% ({ $count }) bring { $share }
rfm-no-revenue = no revenue yet
rfm-pareto-80 = 80% of revenue from { $n } ({ $share })
rfm-value-classes = Value classes
rfm-ladder = Loyalty ladder
rfm-curve = curve
churn-computing = computing churn…
col-month = Month
col-active = Active
col-new = New
col-back = Back
col-at-end = At end
col-retention = Retention
col-churn = Churn
churn-partial = partial
churn-footer = churned = no order for { $days } days · won back: { $won }
rfm-enter-where = v goes back to the segments; Enter lists a segment's customers
reorders-planning = planning a reorder call for each customer due…
reorders-planned =
    { $created ->
        [one] 1 reorder call
       *[other] { $created } reorder calls
    } planned; { $existing ->
        [one] 1 customer
       *[other] { $existing } customers
    } already had one
hint-another-date = another date
hint-lists-segment = lists a segment
hint-opens = opens
hint-plans-each = plans a call for each

## The call screen
call-who = Who
call-phone = Phone
call-owner = owner { $owner }
call-value = Value
call-talk = Talk
call-person = Person
call-likes = Likes
call-habits = Habits
call-open = Open
call-no-open = no open complaint
call-more = +{ $n } more
call-last = Last
call-no-contact = no contact yet
call-contact-line = { $date } { $channel } { $direction } by { $staff }: { $summary }
call-next = Next
call-no-plan = no care plan
call-not-scored = not scored
call-scoring = scoring…
call-no-order = no order yet
count-orders =
    { $n ->
        [one] 1 order
       *[other] { $n } orders
    }
call-spent-in = { $total } in { $orders }
call-last-order = last { $when }
call-next-order = next ~{ $date }
talk-past-sla = { $id } is past its SLA
talk-birthday-today = birthday today
talk-birthday-tomorrow = birthday tomorrow
talk-birthday-in = birthday in { $days } days
talk-reorder-overdue = reorder overdue by { $days }
talk-reorder-due = reorder due { $when }
talk-at-risk = at risk ({ $segment })
talk-never-contacted = high value, never contacted
talk-quiet-for = high value, quiet for { $days } days

## The customer card
card-bug = the card gave an unexpected answer (a bug)
card-file = File
card-status = Status
card-phone = Phone
card-email = Email
card-company = Company
card-city = City
card-address = Address
card-owner = Owner
card-birthday = Birthday
card-prefers = Prefers
card-tags = Tags
card-soft-notes = Soft notes
card-personality = Personality
card-interests = Interests
card-habits = Habits
card-value = Value
card-rfm = RFM
card-rfm-line = R{ $r } F{ $f } M{ $m } · { $segment } · { $days } days since the last order
card-not-scored = not scored (no order yet)
card-stage = Stage
card-value-class = value class { $class }
card-scoring = scoring…
card-orders = Orders
card-orders-none = none yet
card-orders-line = { $orders }, { $total } in total, last { $last }
card-next-order = Next order
card-referrals = Referrals
card-referred-by = Referred by
card-referred = Referred
card-last-change = Last change
card-last-change-line = { $at } by { $staff } ({ $user }) · { $action }
card-merged-ids = Merged ids
card-changes = Changes
card-timeline = Timeline
card-nothing-yet = nothing yet
hint-log-call = log this call
hint-follow-up = follow-up
hint-complaint = complaint
hint-care-plan = care plan
hint-edit = edit
hint-scroll = scroll

## The card's timeline
next-order-overdue = expected { $date }, overdue by { $days } (every ~{ $every } days)
next-order-far = expected { $date } (in { $days }; every ~{ $every } days)
next-order-near = expected { $date } ({ $when }; every ~{ $every } days)
timeline-order = order
timeline-contact = contact
timeline-care-plan = care plan
timeline-complaint = complaint
timeline-contact-line = { $channel } { $direction } { $kind } by { $staff }: { $summary }
timeline-satisfaction = (satisfaction { $score }/5)
timeline-plan-line = { $purpose } due { $due } [{ $status }]

## Form fields
field-summary = Summary
field-channel = Channel
field-direction = Direction
field-kind = Kind
field-outcome = Outcome
field-satisfaction = Satisfaction 1-5
field-next-contact = Next contact
field-category = Category
field-description = Description
field-severity = Severity
field-assignee = Assignee
field-due = Due
field-at = At (HH:MM)
field-purpose = Purpose
field-note = Note
field-recurrence = Repeat every
field-customer-id = Customer id
field-reason = Reason
field-filter = Filter
field-date = As of
field-user = OS account
field-role = Role
field-other = Customer id to merge
field-text = Said to customer
field-text-reply = Reply
field-text-note = Note
field-text-what-they-said = What they said
field-text-resolution = Resolution
field-cause = Root cause
field-why-customer-feels = Why they feel so
field-reasonable = Is it reasonable?
field-what-we-did = What we did
field-others-said-same = Others said same?
field-prevention = Prevention
field-to = Assign to
field-name = Name
field-phones = Phones
field-email = Email
field-company = Company
field-city = City
field-birthday = Birthday
field-owner = Owner
field-tags = Tags
field-personality = Personality
field-interests = Interests
field-habits = Habits
field-referred-by = Referred by (id)
field-status = Status
field-churn-reason = Why they left
field-file = File
field-kind-holds = Holds
field-mode = Bad rows
field-dry-run = Only check
field-kind-what = What

## Forms and saves
form-required = { $field } is required
form-more-lines =
    { $n ->
        [one] 1 more line
       *[other] { $n } more lines
    }
form-discard = Discard what you typed? y = discard, any other key = keep editing
satisfaction-range = { $text } is not 1 to 5
form-log-call = Log this call with { $name }
form-log-followup = Log a follow-up with { $name }
form-open-complaint = Open a complaint for { $name }
form-schedule-care = Schedule care for { $name }
form-edit-customer = Edit { $name } ({ $id })
form-new-customer = New customer
form-plan-done = Done: { $purpose } for { $name }
form-plan-done-summary = { $purpose } done
form-plan-skip = Skip: { $purpose } for { $name }
form-filter = Filter ({ $hint })
form-as-of = Score as of (2026-06-30, -30d is not allowed: type a date or today)
saved-followup-next = follow-up { $id } logged; next contact { $due }
saved-followup = follow-up { $id } logged
saved-logged = logged
saved-complaint = complaint { $id } opened
saved-complaint-plain = complaint opened
time-invalid = { $text } is not a time like 09:30 or 14:00
saved-plan = care plan { $id } added, due { $due }
saved-plan-plain = care plan added
saved-customer = { $name } saved
saved-plain = saved
saved-new-customer = customer { $id } added
saved-new-customer-plain = customer added
saved-done-next = { $id } done and logged; next one due { $due }{ $note }
saved-done = { $id } done and logged
saved-done-plain = done and logged
saved-skipped-next = { $id } skipped; next one due { $due }{ $note }
saved-skipped = { $id } skipped
saved-skipped-plain = skipped
saved-step = { $id }: done, now { $status }
saved-step-plain = done
import-not-save = an import is not a save
nothing-to-save = nothing to save
complaint-form-ack = Acknowledge
complaint-ack-text = We have your complaint and are on it
complaint-form-reply = Reply
complaint-form-note = Internal note
complaint-form-contact = The customer contacted us again
complaint-form-resolve = Resolve
complaint-form-reopen = Reopen
complaint-form-assign = Assign
complaint-form-title = { $step }: { $id } ({ $name })

## Workbench messages
key-not-bound = { $keys } is not bound here (? lists the keys)
save-in-background = the save goes on in the background; its result will show here
form-cancelled = cancelled; nothing saved
save-running = a save is still running; wait for it to finish
quit-unsaved = a form holds unsaved input: save it or press Esc first
reloading = reloading…
select-customer-first = select a customer first
sort-where = sorting is for the customers list (pane 1)
filter-where = filters are for the customers list (1) and the complaint queue (3)
plan-where = select a care plan in the agenda (pane 2) first
complaint-where = select a complaint in the complaints pane (3) first
reorders-where = reorder calls are planned from the RFM pane (4), due to reorder
audit-reading = reading the audit trail…
merge-open-first = open the customer to keep first (Enter on a row, or /)
import-running = an import is running; its report shows when it ends
import-warning = warning: { $where }: { $message }
import-skipped = skipped { $where }
import-report = Import
import-refused-head =
    { $name }: { $bad ->
        [one] 1 bad row
       *[other] { $bad } bad rows
    }; nothing was written (fix them, or import again with "skip bad rows")
import-nothing-written = { $name }: nothing was written
import-refused = Import refused
import-failed = importing { $name }: { $error }
audit-title = Audit trail (newest first)
roles-none = nobody has been given a role yet
roles-title = Roles (others have the team default)
role-set = role set
stale-hint = { $error }. Ctrl-R reloads the latest version and keeps what you typed.
form-reloaded = reloaded the latest version; your typed text is kept
saving = saving…
saving-waiting = waiting for another writer ({ $seconds } s)… the screen stays usable; Ctrl-C quits
saving-seconds = saving… ({ $seconds } s)
card-reading-bug = a customer's card
set-role-title = Give someone a role
merge-title = Merge another file into { $name } ({ $id }): its orders, contacts, complaints and plans move here
role-now = { $user } is now { $role }
merged-line = merged into { $id }: { $orders } orders, { $contacts } contacts, { $complaints } complaints, { $plans } care plans moved
merged = merged
birthday-future = is in the future
birthday-invalid = { $text } is not a date like 1990-05-17
churn-reason-active = an active customer has not left: set the status first, or clear this
import-all-or-nothing = all or nothing
import-skip-bad = skip bad rows
choice-no = no
choice-yes = yes
import-title = Import a file (CSV, Excel, JSON or vCard)
export-title = Export to a file
choose-kind = choose what the file holds
file-cannot-open = cannot open { $file }: { $error }
file-is-folder = { $file } is a folder; name a file in it
file-exists = { $file } exists; name a new file (nothing is overwritten)
file-cannot-write = cannot write { $file }: { $error }
exported =
    exported { $rows ->
        [one] 1 row
       *[other] { $rows } rows
    } to { $file }
complaint-bug = the complaint gave an unexpected answer (a bug)
nothing-to-reload = nothing to reload
kind-customers = customers
kind-orders = orders
kind-followups = follow-ups
kind-care-plans = care plans
kind-complaints = complaints
unexpected-bug = the service answered something else than { $what } (a bug)

## Command line: clap's own words
cli-usage = Usage:
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-help-flag = Print help

## Command line: commands and options (the English is the doc comments')
cli-about-loyal = A terminal customer-loyalty workbench: customer files, follow-ups, complaints and RFM analytics
cli-arg-loyal-db = Database file [default: loyal.redb in your data directory]
cli-arg-loyal-keymap = Keymap of the workbench: default, vim, emacs, or a TOML file [default: from config]
cli-arg-loyal-lang = Language of the interface: zh (中文) or en [default: LOYAL_LANG, config, then the locale]
cli-about-loyal-demo = Build a fresh demo database from the bundled fixtures, then open the workbench
cli-arg-loyal-demo-no_tui = Only build the database; do not open the workbench
cli-about-loyal-import = Import a CSV or JSON file (all-or-nothing unless --skip-bad)
cli-arg-loyal-import-file = The file to import; `-` for standard input
cli-arg-loyal-import-format = File format [default: from the file name, else csv]
cli-arg-loyal-import-dry_run = Check everything and report what would change; write nothing
cli-arg-loyal-import-skip_bad = Import the good rows; write the bad ones, with the reason, to FILE
cli-arg-loyal-import-create_missing = Create a minimal customer file for unknown customer ids
cli-arg-loyal-import-one_transaction = Write everything in one transaction (somewhat faster, but everyone else's saves wait until it ends; for when nobody is working). Default: chunks under a journal id (`loyal imports`) that step aside for other saves
cli-about-loyal-export = Export every record of a kind as CSV or JSON (imports back unchanged)
cli-arg-loyal-export-out = Write to this file instead of standard output (`-`: standard output)
cli-about-loyal-lookup = Find customers by phone (or its last 4+ digits), name, pinyin, initials, email, id, company
cli-arg-loyal-lookup-query = What the caller says: digits, a name, an email...
cli-arg-loyal-lookup-json = The same as --format json
cli-about-loyal-customer = Show, add, edit or merge customer files
cli-about-loyal-customer-show = Show a customer file: facts, order summary, referrals and timeline
cli-arg-loyal-customer-show-timeline = How many timeline entries to show (newest first)
cli-about-loyal-customer-add = Add a customer file (refuses a likely duplicate unless --allow-duplicate)
cli-arg-loyal-customer-add-external_id = External id (the one your company uses)
cli-arg-loyal-customer-add-phones = Phone number (repeat for several)
cli-arg-loyal-customer-add-birthday = Birthday, YYYY-MM-DD
cli-arg-loyal-customer-add-tags = Tag (repeat for several)
cli-arg-loyal-customer-add-referred_by = External id of the customer who referred this one
cli-arg-loyal-customer-add-preferred_channel = phone, email, visit, sms, chat, web, other
cli-arg-loyal-customer-add-status = active, churned, won_back
cli-arg-loyal-customer-add-allow_duplicate = Create it even if its phone or email matches an existing file
cli-about-loyal-customer-edit = Change fields of a customer file (only the ones given)
cli-arg-loyal-customer-edit-if_version = Refuse the change if the file is no longer at this version (someone saved meanwhile)
cli-arg-loyal-customer-edit-phones = Phone number (repeat for several)
cli-arg-loyal-customer-edit-birthday = Birthday, YYYY-MM-DD
cli-arg-loyal-customer-edit-tags = Tag (repeat for several)
cli-arg-loyal-customer-edit-referred_by = External id of the customer who referred this one
cli-arg-loyal-customer-edit-preferred_channel = phone, email, visit, sms, chat, web, other
cli-arg-loyal-customer-edit-status = active, churned, won_back
cli-about-loyal-customer-merge = Fold OTHER into KEEP: orders, follow-ups, complaints, care plans, referrals and ids
cli-about-loyal-config = Show every effective setting and where it came from; change one
cli-about-loyal-config-show = Show every setting (the default)
cli-about-loyal-config-set = Set a team setting (stored in the database) or a personal one (in your config file)
cli-about-loyal-config-unset = Return a setting to its default
cli-about-loyal-rfm = RFM table: recency, frequency, monetary, scores, segment, value class, ladder stage
cli-arg-loyal-rfm-as_of = Score as of this date (orders after it are ignored): 2026-06-30, -30d, ... [default: today]
cli-arg-loyal-rfm-margin_rate = Margin as a share of revenue, e.g. 0.30 [default: team setting scoring.margin_rate]
cli-arg-loyal-rfm-complaint_cost = Cost of one complaint [default: team setting scoring.complaint_cost]
cli-arg-loyal-rfm-contact_cost = Cost of one follow-up contact [default: team setting scoring.contact_cost]
cli-arg-loyal-rfm-churn_days = Days without an order that count as churned [default: team setting scoring.churn_days]
cli-arg-loyal-rfm-segment = Only this segment (Champions, Loyal, At Risk, ...)
cli-about-loyal-report = Reports: pareto (80/20), churn (retention by period), segments, stages (ladder), values, causes, satisfaction
cli-arg-loyal-report-as_of = Score as of this date (orders after it are ignored): 2026-06-30, -30d, ... [default: today]
cli-arg-loyal-report-margin_rate = Margin as a share of revenue, e.g. 0.30 [default: team setting scoring.margin_rate]
cli-arg-loyal-report-complaint_cost = Cost of one complaint [default: team setting scoring.complaint_cost]
cli-arg-loyal-report-contact_cost = Cost of one follow-up contact [default: team setting scoring.contact_cost]
cli-arg-loyal-report-churn_days = Days without an order that count as churned [default: team setting scoring.churn_days]
cli-arg-loyal-report-period = Period of the churn and satisfaction reports
cli-arg-loyal-report-by = Satisfaction per account owner or per channel; churn (retention) per account owner
cli-about-loyal-due = Customers expected to reorder soon (from their purchase rhythm), overdue first
cli-arg-loyal-due-within = Due within this many days of the date (overdue ones included)
cli-arg-loyal-due-overdue_days = Include customers overdue by at most this many days (longer: a churn case)
cli-arg-loyal-due-create_plans = Create a reorder care plan for each (unless one is already open)
cli-about-loyal-followup = Follow-up log: record a contact with a customer
cli-about-loyal-followup-log = Log a contact with a customer
cli-arg-loyal-followup-log-customer = External id (or #N)
cli-arg-loyal-followup-log-next = Next contact: 2026-12-01, tomorrow, +3d ... (creates or moves the stay-in-touch plan)
cli-arg-loyal-followup-log-channel = phone, email, visit, sms, chat (wechat), web, other
cli-arg-loyal-followup-log-direction = in or out
cli-arg-loyal-followup-log-kind = care, sales, service, survey, win_back, other
cli-arg-loyal-followup-log-satisfaction = 1 (very unhappy) to 5 (delighted)
cli-arg-loyal-followup-log-staff = Who talked to the customer [default: your staff name]
cli-about-loyal-care = Care plans: contacts planned ahead (add, done, skip, birthdays)
cli-about-loyal-care-add = Plan a contact ahead
cli-arg-loyal-care-add-due = 2026-12-01, tomorrow, +3d, +1m ...
cli-arg-loyal-care-add-time = HH:MM
cli-arg-loyal-care-add-purpose = birthday, post_purchase, reorder, delivery, payment, stay_in_touch, satisfaction, custom
cli-arg-loyal-care-add-every = Repeat: "1 month", "2w", "yearly" ...
cli-about-loyal-care-done = Mark a plan done (and log the contact with --log); a recurring plan schedules the next
cli-arg-loyal-care-done-log = Log the follow-up in the same step, with this summary
cli-arg-loyal-care-done-channel = phone, email, visit, sms, chat (wechat), web, other
cli-arg-loyal-care-done-direction = in or out
cli-arg-loyal-care-done-kind = care, sales, service, survey, win_back, other
cli-arg-loyal-care-done-satisfaction = 1 (very unhappy) to 5 (delighted)
cli-arg-loyal-care-done-staff = Who talked to the customer [default: your staff name]
cli-about-loyal-care-skip = Skip a plan; a recurring plan schedules the next
cli-about-loyal-care-birthdays = Create birthday plans for birthdays coming up (no duplicates)
cli-about-loyal-agenda = Open care plans: overdue first, then today, then the coming days
cli-arg-loyal-agenda-date = The day to look from: 2026-12-01, today, tomorrow, +3d, -1d [default: today]
cli-arg-loyal-agenda-owner = Only this person's plans (assignee, or the customer's owner)
cli-about-loyal-forgotten = Customers nobody has contacted for a while (7/15/30/90/180 days, never)
cli-arg-loyal-forgotten-days = List the customers silent at least this many days
cli-about-loyal-complaints = The complaint queue: breached first, then least time left, then severity
cli-arg-loyal-complaints-status = new, acknowledged, in_progress, resolved, closed [default: every open status]
cli-arg-loyal-complaints-breached = Only complaints that missed a deadline
cli-about-loyal-complaint = One complaint: open, show, ack, start, reply, note, contact, resolve, close, reopen, assign, route
cli-about-loyal-complaint-open = Open a complaint for a customer
cli-arg-loyal-complaint-open-severity = low, normal, high, urgent
cli-about-loyal-complaint-show = Show a complaint with its SLA state and history
cli-about-loyal-complaint-ack = Acknowledge (the first response)
cli-about-loyal-complaint-start = Start working on it
cli-about-loyal-complaint-reply = Reply to the customer (counts as the first response)
cli-about-loyal-complaint-note = An internal note
cli-about-loyal-complaint-contact = The customer contacted us again about it (the 5th contact escalates)
cli-about-loyal-complaint-resolve = Resolve, with the root-cause review
cli-arg-loyal-complaint-resolve-text = The same as TEXT
cli-arg-loyal-complaint-resolve-cause = The cause, in a few words (the report groups by it)
cli-arg-loyal-complaint-resolve-why = Why does the customer feel this?
cli-arg-loyal-complaint-resolve-what_we_did = What did we do or say to cause it?
cli-arg-loyal-complaint-resolve-reasonable = Is it reasonable?
cli-arg-loyal-complaint-resolve-others = Have other customers said the same?
cli-arg-loyal-complaint-resolve-prevent = What prevents it happening again?
cli-about-loyal-complaint-close = Close a resolved complaint
cli-about-loyal-complaint-reopen = Reopen a resolved or closed complaint
cli-about-loyal-complaint-assign = Give it to a colleague
cli-about-loyal-audit = Who changed what and when (newest first)
cli-arg-loyal-audit-customer = Only this customer (external id or #N)
cli-arg-loyal-audit-user = Only this OS account or staff name
cli-arg-loyal-audit-since = Only since this date: 2026-11-01, yesterday, -7d, 2w ago ...
cli-about-loyal-init = Create the database: private to you, or shared with a group of staff
cli-arg-loyal-init-group = Share the file with this Unix group (0660, setgid directory)
cli-about-loyal-role = Roles: who may read (viewer), work (agent), or administer (admin)
cli-about-loyal-role-list = List the roles given so far (the default)
cli-about-loyal-role-set = Give an OS account a role: viewer, agent or admin (admins only)
cli-about-loyal-imports = The import journal; `imports rollback ID` undoes one import run
cli-about-loyal-imports-rollback = Undo import run ID (newest change first; orders it created go, changed ones get their earlier version back). Needs the admin role
cli-about-loyal-whoami = Who you are to loyal: OS account, staff name, role
cli-about-loyal-stats = Counts of what the database holds
cli-about-loyal-check = Run the full integrity check of the database file (reads all of it)
cli-about-loyal-gen = Generate a realistic data set as import CSV files (for demos and benchmarks)
cli-arg-loyal-gen-end = The last day of the generated history (orders span the two years before it): a date or an offset (-30d)
cli-arg-loyal-gen-out = Directory for customers.csv, orders.csv, followups.csv, care-plans.csv, complaints.csv

## Relative days in tables
day-ago-short = { $n }d ago
day-in-short = in { $n }d

## Command line: output and errors
cli-error = error: { $message }
cli-caused-by = caused by: { $cause }
queue-count =
    { $n ->
        [one] 1 complaint
       *[other] { $n } complaints
    }, most urgent first
queue-col-id = ID
queue-col-severity = SEVERITY
queue-col-status = STATUS
queue-col-customer = CUSTOMER
queue-col-category = CATEGORY
queue-col-assignee = ASSIGNEE
queue-breached-response = BREACHED response
queue-breached-resolution = BREACHED resolution
queue-due-soon = DUE SOON
sla-clock-response = response
sla-clock-resolution = resolution
err-unknown-customer = no customer { $id } (try `loyal lookup` to find the right id)
err-forbidden = { $user } is { $role }: { $role } staff may not { $needs } (an admin can change this: loyal role set { $user } { $needed })
err-stale = { $what } was changed meanwhile (now version { $version }, by { $by } at { $at }); reload it and try again
err-rejected =
    { $n ->
        [one] 1 bad row
       *[other] { $n } bad rows
    }; nothing was written
err-duplicate = possible duplicate of { $matches }

## Command line: follow-ups, care plans, agenda
cli-logged-at = logged { $id } at { $at }
cli-next-contact = next contact: { $id } due { $due }
cli-logged = logged { $id }
cli-plan-done = done { $id }
cli-plan-skipped = skipped { $id }
cli-next-in-series = next in the series: { $id } due { $due }{ $note }
cli-time-invalid = --time: { $text } is not like 14:30
cli-planned = planned { $id } ({ $purpose }) due { $due }
cli-birthdays =
    created { $created ->
        [one] 1 birthday plan
       *[other] { $created } birthday plans
    } for the next { $within } days; { $existing } already planned
cli-agenda-for = agenda for { $date }{ $owner }
cli-agenda-overdue = OVERDUE
cli-agenda-today = TODAY
cli-agenda-coming = COMING DAYS
cli-nothing-planned = nothing planned
cli-forgotten-head = customers without contact, as of { $date }{ $owner }
cli-forgotten-days = { $days }+ days
cli-forgotten-never = never
cli-forgotten-list = silent { $days }+ days (longest first, at most { $limit }):
cli-overdue-span = overdue { $span }

## Command line: customers and lookup
cli-added-customer = added { $id } { $name } (#{ $n })
cli-possible-duplicate = possible duplicate: { $id } { $name } has the same { $reason } (loyal customer show { $id })
cli-not-added = not added; pass --allow-duplicate to add it anyway, or edit the existing file
cli-saved-customer = saved { $id } { $name } (version { $version })
cli-merged = merged { $other } into { $id } { $name }: moved { $orders } orders, { $followups } follow-ups, { $complaints } complaints, { $plans } care plans, { $referrals } referrals
cli-field-phone = phone
cli-field-email = email
cli-field-company = company
cli-field-city = city
cli-field-address = address
cli-field-birthday = birthday
cli-field-tags = tags
cli-field-owner = owner
cli-field-personality = personality
cli-field-interests = interests
cli-field-habits = habits
cli-field-channel = channel
cli-field-churn = churn
cli-field-orders = orders
cli-orders-line = { $count } orders, { $total } total, first { $first }, last { $last }
cli-orders-none = none yet
cli-field-referred-by = referred by
cli-field-referred = referred
cli-field-merged-ids = merged ids
cli-field-last-change = last change
cli-last-change-line = { $action } by { $staff } ({ $user }) at { $at }: { $detail }
cli-timeline = timeline (newest first):
cli-timeline-order = order
cli-timeline-followup = follow-up
cli-timeline-plan = care plan
cli-timeline-complaint = complaint
cli-no-match = no customer matches { $query }
cli-lookup-id = ID
cli-lookup-name = NAME
cli-lookup-phone = PHONE
cli-lookup-city = CITY
cli-lookup-orders = ORDERS
cli-lookup-last-order = LAST ORDER
cli-lookup-match = MATCH

## Command line: complaints
cli-complaint-opened = opened { $id } for { $name } ({ $severity }); first response due { $due }
cli-complaint-step = { $id }: { $status } ({ $severity }, { $contacts })
cli-escalated = ESCALATED
cli-satisfaction-planned = satisfaction check planned: { $id } due { $due }
cli-view-customer = customer
cli-view-opened = opened
cli-view-opened-line = { $at } via { $channel }
cli-view-assignee = assignee
cli-view-nobody = (nobody)
cli-view-contacts = contacts
cli-view-response = response
cli-view-resolution = resolution
cli-view-due = due { $at }
cli-view-answered = , answered { $at }
cli-view-resolved = , resolved { $at }
cli-view-root-cause = root cause: { $cause }
cli-view-why = why does the customer feel this
cli-view-what-we-did = what did we do or say
cli-view-reasonable = is it reasonable
cli-view-others = have others said the same
cli-view-prevent = what prevents it
cli-view-history = history:
cli-causes-head = resolved complaints by category and cause (most frequent first)
cli-causes-others = others said the same: { $n }

## Command line: analytics
cli-rfm-head = RFM as of { $date }: { $n } scored customers
cli-col-id = ID
cli-col-name = NAME
cli-col-days = DAYS
cli-col-freq = FREQ
cli-col-monetary = MONETARY
cli-col-segment = SEGMENT
cli-col-value = VALUE
cli-col-stage = STAGE
cli-col-risk = RISK
cli-at-risk = at risk
cli-segments-head = segments as of { $date }
cli-col-customers = CUSTOMERS
cli-col-share = SHARE
cli-col-revenue = REVENUE
cli-col-revenue-share = REVENUE SHARE
cli-ladder-head = loyalty ladder as of { $date }
cli-values-head = value classes as of { $date }
cli-pareto-head = Pareto as of { $date }: { $customers } customers, revenue { $revenue }
cli-pareto-top = top 20% ({ $count } customers) bring { $share } of revenue
cli-pareto-80 = 80% of revenue comes from { $k } customers ({ $share })
cli-pareto-none = no positive revenue to divide
cli-pareto-decile = top { $pct }%
cli-churn-head = churn and retention by { $period } (active = ordered in the { $days } days before)
cli-col-period = PERIOD
cli-col-start = START
cli-col-end = END
cli-col-new = NEW
cli-col-won-back = WON BACK
cli-col-retained = RETAINED
cli-col-churn = CHURN
cli-partial = partial
cli-won-back-head = won back ({ $n }):
cli-won-back-line = { $id } last ordered { $last }, churned { $churned }, came back { $back }
cli-won-back-more = ... and { $n } more (--format csv or json for all)
cli-reorder-plans =
    created { $created ->
        [one] 1 reorder care plan
       *[other] { $created } reorder care plans
    }; { $existing ->
        [one] 1 customer
       *[other] { $existing } customers
    } already had an open one
cli-due-head =
    { $n ->
        [one] 1 customer
       *[other] { $n } customers
    } due to reorder within { $within } days (negative: overdue)
cli-col-last = LAST
cli-col-gap = GAP
cli-col-expected = EXPECTED
cli-col-owner = OWNER

## Command line: imports, settings, the database
cli-unknown-columns = warning: { $file }: ignoring unknown column(s) { $columns } (known: { $known })
cli-import-refused =
    { $name }: { $n ->
        [one] 1 bad row
       *[other] { $n } bad rows
    }; nothing was written (fix them, or pass --skip-bad FILE to import the rest)
cli-importing = importing { $name }
cli-writing = writing { $file }
cli-rows-skipped =
    { $n ->
        [one] 1 row skipped
       *[other] { $n } rows skipped
    }; see { $file }
cli-warning = warning: { $where }: { $message }
cli-and-more = ... and { $n } more
cli-exported = exported { $n } { $kind } to { $file }
cli-rolled-back =
    import #{ $id } rolled back: { $n ->
        [one] 1 change
       *[other] { $n } changes
    } undone
cli-no-imports = no import in the journal yet (orders imports are journaled)
cli-import-by = { $when } by { $staff } ({ $user })
cli-roles-anyone-else = (anyone else: { $role })
cli-role-now = { $user } is now { $role }
cli-whoami = { $user } (staff name { $staff }), { $role }
cli-stats-database = database
cli-stats-customers = customers
cli-stats-orders = orders
cli-stats-followups = follow-ups
cli-stats-plans = care plans
cli-stats-complaints = complaints
cli-stats-file-size = file size
cli-stats-pages = pages
cli-stats-pages-line = { $used } MiB in use ({ $data } data, { $meta } metadata, { $free } free inside pages)
cli-stats-pages-unknown = (not measured: the file is open read-only)
cli-check-passed = { $file }: integrity check passed
cli-check-unmarked = the mark that said it was damaged is removed: writing is allowed again
cli-check-repaired = { $file }: integrity check repaired the file
cli-no-db-demo = nothing was created; give the right path with --db (the demo database is { $demo }: loyal --db { $demo })
cli-no-db = nothing was created; give the right path with --db (or run `loyal demo`)
cli-dumb-terminal = this terminal (TERM={ $term }) cannot show the workbench: it needs cursor movement and colours (TERM=xterm-256color, screen or tmux); the commands work anywhere (loyal --help)
cli-needs-terminal = the workbench needs a terminal; for scripts use the commands (loyal --help)
cli-init-private = { $file }: ready, private to its owner; { $user } is { $role }
cli-init-shared = { $file }: shared with group { $group } (file 0660, directory 2770); { $user } is { $role }
cli-demo-built = demo database { $file }: { $customers } customers, { $orders } orders, { $followups } follow-ups, { $plans } care plans, { $complaints } complaints
cli-saved-team = { $key }: saved in { $file } for the whole team
cli-saved-personal = { $key }: saved in { $file }
cli-personal-head = # personal settings ({ $file })
cli-team-head = # team settings (database { $file })
import-summary = { $name }: { $dry ->
        [yes] would import
       *[no] imported
    } { $rows } { $kind }: { $created } new, { $updated } updated, { $unchanged } unchanged
import-summary-created =
    { $n ->
        [one] 1 customer file created
       *[other] { $n } customer files created
    }
import-summary-skipped = { $n } skipped
import-summary-dry-note = (dry run: nothing written)
import-summary-undo = (import #{ $id }; `loyal imports rollback { $id }` undoes it)

## Command line: examples after the help (the English is the code's)
cli-after-loyal =
    Examples:
      loyal demo                                 fresh demo database, then the workbench
      loyal import customers customers.csv       import (all-or-nothing)
      loyal import orders orders.csv --skip-bad rejects.csv
      loyal lookup 8000                          last digits of a phone number
      loyal lookup zs                            pinyin initials of 张三
      loyal customer show C-0042
      loyal export orders --format json --out orders.json
      loyal config set scoring.churn_days 120    a team setting (stored in the database)
cli-after-loyal-complaint-open =
    Examples:
      loyal complaint open C-000042 --category "late delivery" --severity high --description "beans arrived a week late"
cli-after-loyal-customer-show =
    Examples:
      loyal customer show C-0042
      loyal customer show '#233' --timeline 50
      loyal customer show C-0042 --format json

    ID is the external id (C-0042) or #N for the internal number.
cli-after-loyal-customer-add =
    Examples:
      loyal customer add --id C-9001 --name 张三 --phone "+86 138-0013-8000" --city 上海
      loyal customer add --id C-9002 --name "Ann Lee" --email ann@example.com --tag vip --format json
cli-after-loyal-import =
    Examples:
      loyal import customers customers.csv
      loyal import orders orders.csv --dry-run
      loyal import orders orders.csv --skip-bad rejects.csv
      cat orders.json | loyal import orders - --format json

    Columns of every kind are listed in README.md. Re-importing the same file changes nothing.
cli-after-loyal-lookup =
    Examples:
      loyal lookup 8000
      loyal lookup "+86 138-0013-8000"
      loyal lookup zhangsan
      loyal lookup --format json --limit 5 smith

    Exits with status 1 when nothing matches.
cli-after-loyal-rfm =
    Examples:
      loyal rfm
      loyal rfm --as-of 2026-06-30 --format csv > rfm.csv
      loyal rfm --segment "At Risk"
cli-after-loyal-init =
    Examples:
      loyal init
      sudo install -d /srv/loyal && sudo chown $USER /srv/loyal
      loyal --db /srv/loyal/team.redb init --group support
cli-after-loyal-followup-log =
    Examples:
      loyal followup log C-000042 --summary "asked about the new blend" --next +14d
      loyal followup log C-000042 --summary "complained about the price" --channel chat --direction in --satisfaction 2
cli-after-loyal-care-add =
    Examples:
      loyal care add C-000042 --due +30d --purpose post_purchase --note "check the grinder"
      loyal care add C-000042 --due 2027-01-15 --time 10:00 --purpose payment --every "1 month"

## Team settings (the English is the code's)
setting-currency = symbol shown before amounts on screen (¥, $, €; empty: none)
setting-sla-first_response_hours = hours to the first response on a complaint
setting-sla-first_response_hours-low = first-response hours for low severity (empty: sla.first_response_hours)
setting-sla-first_response_hours-normal = first-response hours for normal severity (empty: sla.first_response_hours)
setting-sla-first_response_hours-high = first-response hours for high severity (empty: sla.first_response_hours)
setting-sla-first_response_hours-urgent = first-response hours for urgent severity (empty: sla.first_response_hours)
setting-sla-resolution_hours-low = hours to resolve a low-severity complaint
setting-sla-resolution_hours-normal = hours to resolve a normal complaint
setting-sla-resolution_hours-high = hours to resolve a high-severity complaint
setting-sla-resolution_hours-urgent = hours to resolve an urgent complaint
setting-complaint-escalate_after_contacts = customer contacts on one open complaint that escalate it
setting-complaint-satisfaction_followup_days = days after resolution to schedule the satisfaction check
setting-business_hours = when the SLA clock runs, e.g. `mon-fri 09:00-18:00` (empty: always)
setting-holidays = dates the SLA clock stops, comma-separated YYYY-MM-DD
setting-timezone = time zone of business hours, e.g. Asia/Shanghai (empty: the server's)
setting-scoring-margin_rate = share of revenue that is margin (value classes)
setting-scoring-complaint_cost = cost of handling one complaint (below-zero class)
setting-scoring-contact_cost = cost of one follow-up contact (below-zero class)
setting-scoring-churn_days = days without an order after which a customer counts as churned
setting-roles-default = role of people not given one by an admin: viewer or agent

## Service refusals
flow-refused = a complaint that is { $from } cannot be { $verb }: { $hint }
flow-verb-acknowledged = acknowledged
flow-verb-started = started
flow-verb-resolved = resolved
flow-verb-closed = closed
flow-verb-reopened = reopened
flow-hint-started-already = work on it has started already
flow-hint-acknowledged-already = it was acknowledged already
flow-hint-in-progress-already = it is in progress already
flow-hint-resolve-first = resolve it first
flow-hint-still-open = it is still open
flow-hint-reopen-first = reopen it first
flow-hint-not-a-step = not a step of the flow
date-invalid = { $text } is not a date (2026-12-01, today, tomorrow, yesterday, +3d, +2w, +1m, +1y, -7d, 7d ago)
date-too-far = { $text } is too far ahead
no-care-plan = no care plan { $id }
no-complaint = no complaint { $id }
passed-over =
    { $n ->
        [one] (1 occurrence passed over)
       *[other] ({ $n } occurrences passed over)
    }
complaint-reopen-to-reply = { $id } is { $status }; reopen it to reply
complaint-reopen-if-back = { $id } is { $status }; reopen it if the problem is back
complaint-say-what = say what the customer complains about
needs-build-a-demo-database = build a demo database
needs-change-care-plans = change care plans
needs-change-customer-files = change customer files
needs-change-team-settings = change team settings
needs-log-follow-ups = log follow-ups
needs-manage-roles = manage roles
needs-merge-delete-customer-files = merge (delete) customer files
needs-plan-care = plan care
needs-work-on-complaints = work on complaints
needs-roll-back-imports = roll back imports
needs-import = import

## Import rows: why a row or cell is refused
row-not-local-time = { $text } does not exist in the local time zone
row-not-timestamp = { $text } is not a date (YYYY-MM-DD) or time (RFC 3339, or YYYY-MM-DD HH:MM)
row-not-date = { $text } is not a date like 2025-03-01
row-not-bool = { $text } is not true/false
row-control-chars = contains control characters
row-required = is required
row-not-email = { $text } is not an email address
row-not-score = { $text } is not a score from 1 to 5
row-not-time = { $text } is not a time like 14:30
row-not-events = not a JSON list of events: { $error }
row-required-when = is required when the status is { $status }
row-not-count = { $text } is not a count from 0 to { $most }
file-too-many-columns = { $found } columns are too many (at most { $most }; a kind has a few dozen)
file-column-missing = required column missing (the header has: { $columns }; name the column that holds it with --map "HEADER={ $field }")
file-field-count = has { $len } fields, the header has { $expected }
file-not-utf8 = is not valid UTF-8 text
file-unreadable = cannot be read: { $reason }
file-column-twice = column appears twice in the header
file-not-json-array = expected a JSON array of objects
file-key-twice = is given twice in this record (keys ignore letter case)
file-not-json-object = is not a JSON object
file-not-text = is { $kind }, not text

## Keymap files: what is wrong with them
keymap-no-such = keymap "{ $spec }" is neither a built-in keymap ({ $builtin }) nor a readable file: { $reason }
keymap-syntax = TOML syntax: { $error }
keymap-outside-section = "{ $key }" is outside any section; put it under a section such as [global] or [list]
keymap-unknown-section = unknown section [{ $name }] (sections are { $sections }){ $hint }
keymap-not-a-table = [{ $section }] must be a table of "key" = "action" lines, found { $found }
keymap-bad-key = bad key "{ $key }" in [{ $section }]: { $reason }
keymap-not-a-string = key "{ $key }" in [{ $section }] must be an action name in quotes (or "none"), found { $found }{ $hint }
keymap-quote-dots = (quote keys with dots: ".")
keymap-unknown-action = unknown action "{ $action }" for key "{ $key }" in [{ $section }]{ $hint }
keymap-same-key = "{ $key }" in [{ $section }] is the same key as "{ $earlier }" on line { $line }, which is { $earlier_target }; here it is { $target }
keymap-prefix = "{ $key }" ({ $target }) and "{ $earlier }" ({ $earlier_target }) on line { $line } in [{ $section }]: "{ $shorter }" starts "{ $longer }", and a key cannot both run an action and start a sequence; keep one
keymap-did-you-mean = ; did you mean "{ $name }"?
keymap-hides = { $origin }: `{ $keys }` in [{ $section }] hides { $lower } `{ $lower_keys }` ({ $action })
key-empty = empty key
key-nothing-after = no key after "{ $rest }"
key-twice = { $modifier } given twice
key-not-printable = { $char } is not a printable key; write it by name (space, tab, enter...)
key-shift-named = shift- goes only with named keys; write the shifted character itself ("{ $shifted }")
key-sequence-spaces = "{ $name }" is not a key; the keys of a sequence are separated by spaces ("{ $spaced }")
key-unknown = unknown key "{ $name }"; a key is one character or one of { $names }, f1..f{ $highest }, after ctrl-, alt- or shift-
key-single-spaces = the keys of a sequence are separated by single spaces

## Checks of values: settings, schedules, amounts, dates
setting-bad-hours = { $value } is not a number of hours from 1 to 8760
setting-bad-days = { $value } is not a number of days from 1 to 3650
setting-bad-count = { $value } is not a count from 2 to 100
setting-bad-rate = { $value } is not a rate between 0 and 1 with at most two decimals (0.30 = 30%)
setting-negative = must not be negative
setting-admin-default = admins are named one by one (loyal role set USER admin)
setting-bad-currency = { $value } is not a currency symbol (¥, $, €, or a code of at most 4 letters)
setting-unknown = is not a team setting (`loyal config` lists them all)
not-a-date = { $value } is not a date like 2026-10-01
not-a-zone = { $value } is not a time zone name like Asia/Shanghai or Europe/Berlin
not-a-time = { $value } is not a time like 09:00
not-a-schedule = { $value } is not like `mon-fri 09:00-18:00`
not-a-span = { $value } is not a span like 09:00-18:00
span-opens-at-24 = a span cannot open at 24:00
span-closes-first = { $value } closes before it opens
not-a-weekday = { $value } is not a weekday (mon, tue, ... sun)
money-empty = empty amount
money-malformed = { $value } is not a decimal amount like 12.30
money-too-precise = { $value } has more than 2 decimal places
money-grouping = { $value }: thousands separators go between groups of three digits, like 1,234.56
money-overflow = { $value } is beyond ±{ $max } (the largest amount loyal accepts)
money-total-overflow = the total would be beyond ±{ $max }, the most loyal can add up
label-unknown = unknown { $what } { $given } (expected one of: { $expected })
interval-zero = the interval must be at least 1
interval-too-long = at most { $most } { $unit } (ten years)
interval-bad = { $value }: bad interval
margin-rate-bad = margin rate: { $reason }
margin-rate-range = margin rate { $value } is not between 0 and 1
date-outside = { $what } is outside the supported dates { $first }-01-01 to { $last }-12-31
days-range = must be from { $least } to { $most } days
score-range = is a score from 1 to 5

## The database file: opening, damage, limits
store-cannot-open = cannot open { $path }: { $reason }
store-missing = no database at { $path } (nothing was created: `loyal init` makes a new one)
store-empty = { $path } is empty (0 bytes): not a loyal database (a truncated copy or a full disk?); nothing was changed, restore it from a backup
store-not-loyal = { $path } is not a loyal database ({ $reason }); nothing was changed
store-read-only = { $path } is open read-only (this account may not write it): reading works, changes are refused
store-newer-schema = { $path } was written by a newer loyal (schema version { $found }; this build reads up to { $supported }); upgrade loyal to open it
store-corrupt = the database file looks damaged: { $kind } record { $key } cannot be read ({ $reason }); nothing more is written to it; run `loyal check`, and restore a backup if the check fails
store-damaged = the database file { $path } looks damaged ({ $detail }): nothing more is written to it; run `loyal check`, and restore a backup if the check fails
store-duplicate-id = external id { $id } already belongs to another customer
store-missing-customer = no customer with internal id { $id }
store-encode = could not encode a record: { $reason }
store-migration = upgrading the database: { $reason }
store-total-overflow = the orders of customer #{ $customer } would add up to beyond ±{ $max }, the most loyal can hold
store-record-unreadable = record { $record }: stored value cannot be read or written: { $reason }
store-cannot-create-dir = cannot create directory { $dir }: { $reason }
store-integrity-failed = the integrity check failed: { $detail }
store-no-schema = a redb file without a loyal schema
store-permission-denied = permission denied: you need read and write access to this file and its folder (ask its owner, or to be added to the group it is shared with)
store-needs-repair = it was not closed cleanly (a copy taken while it was in use, or a loyal that was ended) and must be recovered first, which needs write access: open it once as its owner, or copy it to a file you may write and open the copy
store-open-elsewhere = the database is open in a mode that excludes other processes (another program, or an old loyal, holds it)
store-damaged-earlier = found damaged earlier in this session
store-damaged-marked = found damaged { $when }; { $mark } says so
panic-no-message = a panic with no message
internal-error = internal error (a bug in loyal; please report it with this line): { $reason }

## Service checks: lookups, customer files, imports
lookup-too-long = { $n } characters are too many for a lookup (at most { $most })
lookup-too-many-words = { $n } words are too many for a lookup (at most { $most })
id-looks-internal = { $id } would mean internal number #{ $n } on the command line; an external id may not be '#' and a number
row-twice = { $id } appears twice (first on line { $first })
import-own-calls = customers and orders have their own import calls
row-cannot-create = cannot create customer { $id }: { $reason }
row-no-customer = no customer { $id } (import customers first, or pass --create-missing)
row-no-referrer = no customer { $id } in the file or the database
row-referrer-rejected = { $id } is on line { $line }, which was rejected
row-several-matches = matches several existing customers: { $matches }; put one of their ids in customer_id
import-without-ids =
    { $n ->
        [one] 1 row had no { $column } and got a new id: importing the same file again would add it again
       *[other] { $n } rows had no { $column } and got new ids: importing the same file again would add them again
    }
customer-exists = { $id } already exists
customer-refers-self = a customer cannot refer themselves
customer-same-file = { $other } is already the same file as { $keep }
import-none = no import #{ $id }
import-rolled-back-already = import #{ $id } is rolled back already
import-still-running = import #{ $id } is still running (by { $staff }); wait for it to finish
import-rolling-back-already = import #{ $id } is being rolled back already; wait for it to finish
import-stopped = stopped
import-rollback-stopped = rollback stopped
import-resumed-by = resumed by #{ $id }
import-rollback-interrupted = the rollback of import #{ $id } of { $file } ({ $kind }) stopped half way on { $when }: run `loyal imports rollback { $id }` again to finish it
import-interrupted = import #{ $id } of { $file } ({ $kind }) stopped at { $done } of { $rows } rows on { $when } (by { $staff }): run the same import again to finish it, or `loyal imports rollback { $id }` to undo it
care-plan-already = { $id } is { $status } already
followup-say-what = say what was discussed
complaint-moved-by = ({ $change } by { $staff })
complaint-contacts-full = { $id } has { $n } contacts already, the most one complaint counts
no-cause-recorded = (no cause recorded)

## Generated notes and complaint events (written in the writer's language)
note-birthday = birthday greetings
note-reorder = reorder expected { $expected } (every { $days } days; last order { $last })
note-next-contact = next contact (from { $id }): { $summary }
note-next-contact-moved = next contact (moved by { $id }): { $summary }
event-status-change = { $from } → { $to }
event-escalated = { $n } contacts without a fix: severity { $from } → { $to }
event-opened-via = via { $channel }: { $description }
event-contact = contact #{ $n }
event-reopened = reopened: { $reason }
event-assigned = assigned to { $to }

## The workbench and the command line: files, configuration, start-up
tui-admin-only = only an admin may do that; { $user } is { $role } here
tui-viewer-only = { $user } is a viewer here: looking up and reading only (an admin can change that: loyal role set { $user } agent)
tui-scoring-as-of = scoring as of { $date }…
tui-bug-no-load = nothing here loads { $asker } (a bug)
tui-bug-unexpected = unexpected answer for { $asker }: { $response } (a bug)
tui-bug-load-failed = loading { $kind } failed (a bug): { $message }
tui-save-failed = the save failed: { $message }
cannot-open = cannot open { $path }: { $reason }
cannot-open-file = cannot open { $path }
cannot-read = cannot read { $path }
cannot-write = cannot write { $path }
cannot-create = cannot create { $path }
cannot-replace = cannot replace { $path }
hangup-no-watch = warning: cannot watch the terminal for hang-ups: { $reason }
db-source-config = `database` in the config file
db-source-default = the default location
db-opening = opening database { $path } (path from { $source })
config-no-file = (no config file)
config-no-dir = no config directory; set LOYAL_CONFIG to a file path
config-bad-cache = cache_mb: { $value } is not a number of MiB from 8 to 65536
config-bad-mouse = mouse: { $value } is not true or false
config-bad-language = language: { $value } is not zh or en
config-unknown = { $key } is not a setting (`loyal config` lists them all)
init-no-group = no group named { $name } in /etc/group
path-nul = path holds a NUL byte
init-cannot-chown = cannot give { $path } to group { $gid }: { $reason } (you must own it and belong to the group)
init-cannot-chmod = cannot set the permissions of { $path }
init-needs-unix = group sharing needs a Unix system (asked for group { $group })

## Lookup: the field that matched
match-field-id = id
match-field-email = email
match-field-name = name
match-field-pinyin = pinyin
match-field-initials = initials
match-field-company = company
match-field-phone = phone
match-field-text = text

## Audit trail: what was done
audit-customer-add = customer added
audit-customer-update = customer changed
audit-customer-merge = customers merged
audit-followup-log = follow-up logged
audit-care-add = care planned
audit-care-done = care done
audit-care-skip = care skipped
audit-care-birthdays = birthdays planned
audit-care-reorders = reorders planned
audit-complaint-open = complaint opened
audit-complaint-ack = complaint acknowledged
audit-complaint-start = complaint started
audit-complaint-reply = complaint replied
audit-complaint-note = complaint noted
audit-complaint-contact = customer called again
audit-complaint-resolve = complaint resolved
audit-complaint-close = complaint closed
audit-complaint-reopen = complaint reopened
audit-complaint-assign = complaint assigned
audit-import-customers = customers imported
audit-import-orders = orders imported
audit-import-followups = follow-ups imported
audit-import-care-plans = care plans imported
audit-import-complaints = complaints imported
audit-import-rollback = import rolled back
audit-role-set = role set
audit-setting-set = team setting changed

## Command line: clap's own words
cli-help-subcommand = Print this message or the help of the given subcommand(s)
cli-version-flag = Print version
cli-placeholder-options = [OPTIONS]
cli-placeholder-command = [COMMAND]
cli-placeholder-command-required = <COMMAND>
cli-placeholder-env = [env:
cli-placeholder-values = [possible values:
cli-placeholder-default = [default:
cli-placeholder-aliases = [aliases:
clap-error = error:
clap-tip = tip:
clap-more = For more information, try '--help'.
clap-unknown-argument = unexpected argument '{ $arg }' found
clap-unknown-subcommand = unrecognized subcommand '{ $command }'
clap-value-missing = a value is required for '{ $arg }' but none was supplied
clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-possible-values = [possible values: { $values }]
clap-missing-required = the following required arguments were not provided:{ $args }
clap-missing-subcommand =
    '{ $command }' requires a subcommand but one was not provided
      {"["}subcommands: { $commands }]
clap-argument-twice = the argument '{ $arg }' cannot be used multiple times
clap-argument-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
clap-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
clap-wrong-number = wrong number of values for '{ $arg }'
clap-no-equals = equal sign is needed when assigning values to '{ $arg }'
clap-similar-argument = a similar argument exists: '{ $names }'
clap-similar-subcommand = a similar subcommand exists: '{ $names }'
clap-similar-value = a similar value exists: '{ $names }'
config-no-home = cannot find a home directory for the database; pass --db PATH
cli-creating-reorders = creating reorder care plans
cli-offer-create =
    No database at { $path } (path from { $source }).
    Create a new, empty one there? [y/N]
note-satisfaction = satisfaction check after complaint { $id } ({ $category })

## Command line: import progress, exit statuses
cli-import-progress = {"{"}spinner{"}"} importing {"{"}msg{"}"} [{"{"}bar:30{"}"}] {"{"}pos{"}"}/{"{"}len{"}"} rows ({"{"}rate{"}"}, {"{"}eta{"}"})
cli-import-rate = { $rate } rows/s
cli-import-checking = {"{"}spinner{"}"} checking {"{"}msg{"}"}: {"{"}pos{"}"} rows ({"{"}rate{"}"})
cli-reading-stdin = cannot read standard input

## Command line: where a setting came from
config-source-default = default
config-source-file = file
config-source-flag = flag
config-source-env = variable
config-source-locale = locale
config-source-database = database
cli-man-written =
    { $n -> 
        [one] 1 manual page written to { $dir }
       *[other] { $n } manual pages written to { $dir }
    }
cli-no-demo-yet = no demo database at { $file } yet: `loyal demo` builds one
cli-demo-open-again = open it with: loyal --demo   (or: loyal --db { $file })
cli-demo-not-replaceable = { $file } exists and is not a demo database; refusing to replace it (pass --db with a new file name)
cli-text-required = { $what } needs a text: give it after the id or with --text
cli-heading-global = Global options
cli-arg-loyal-demo = Open the workbench on the demo database `loyal demo` built last (without rebuilding it)
cli-after-loyal-demo =
    Examples:
      loyal demo                 build it and open the workbench
      loyal demo --no-tui        only build it (then: loyal --db PATH, as it says)
cli-arg-loyal-demo-keymap = Keymap of the workbench: default, vim, emacs, or a TOML file [default: from config]
cli-arg-loyal-import-kind = What the file holds
cli-after-loyal-export =
    Examples:
      loyal export customers --out customers.csv
      loyal export orders --format json --out -   to standard output
cli-arg-loyal-export-kind = What to export
cli-arg-loyal-export-format = File format
cli-arg-loyal-lookup-limit = At most this many matches, best first
cli-arg-loyal-lookup-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-customer-show-id = External id (C-0042) or #N
cli-arg-loyal-customer-show-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-customer-show-json = The same as --format json
cli-arg-loyal-customer-add-name = The customer's name
cli-arg-loyal-customer-add-email = Email address
cli-arg-loyal-customer-add-company = Company or organisation
cli-arg-loyal-customer-add-city = City
cli-arg-loyal-customer-add-address = Postal address
cli-arg-loyal-customer-add-gender = female, male, other
cli-arg-loyal-customer-add-owner = The account owner (the staff member who looks after this customer)
cli-arg-loyal-customer-add-personality = Personality: how this customer likes to be treated
cli-arg-loyal-customer-add-interests = Interests and hobbies
cli-arg-loyal-customer-add-habits = Habits: when and how they buy, what they like
cli-arg-loyal-customer-add-churn_reason = Why the customer left (with --status churned)
cli-arg-loyal-customer-add-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-customer-add-json = The same as --format json
cli-after-loyal-customer-edit =
    Examples:
      loyal customer edit C-9001 --city 北京 --tag vip
      loyal customer edit C-9001 --email ""      clear the email
      loyal customer edit C-9001 --if-version 3 --owner li
cli-arg-loyal-customer-edit-id = External id (C-0042) or #N
cli-arg-loyal-customer-edit-name = The customer's name
cli-arg-loyal-customer-edit-email = Email address
cli-arg-loyal-customer-edit-company = Company or organisation
cli-arg-loyal-customer-edit-city = City
cli-arg-loyal-customer-edit-address = Postal address
cli-arg-loyal-customer-edit-gender = female, male, other
cli-arg-loyal-customer-edit-owner = The account owner (the staff member who looks after this customer)
cli-arg-loyal-customer-edit-personality = Personality: how this customer likes to be treated
cli-arg-loyal-customer-edit-interests = Interests and hobbies
cli-arg-loyal-customer-edit-habits = Habits: when and how they buy, what they like
cli-arg-loyal-customer-edit-churn_reason = Why the customer left (with --status churned)
cli-arg-loyal-customer-edit-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-customer-edit-json = The same as --format json
cli-after-loyal-customer-merge =
    Examples:
      loyal customer merge C-0042 C-0977
cli-arg-loyal-customer-merge-keep = The file that stays (external id or #N)
cli-arg-loyal-customer-merge-other = The file folded into it and removed (its id stays an alias)
cli-after-loyal-config =
    Examples:
      loyal config
      loyal config set currency ¥
      loyal config set language zh
      loyal config unset sla.first_response_hours
cli-arg-loyal-config-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-config-json = The same as --format json
cli-after-loyal-config-show =
    Examples:
      loyal config show
      loyal config show --format json
cli-arg-loyal-config-show-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-config-show-json = The same as --format json
cli-after-loyal-config-set =
    Examples:
      loyal config set sla.first_response_hours 12
      loyal config set staff_name "Li Na"
cli-arg-loyal-config-set-key = The setting, as `loyal config` lists it
cli-arg-loyal-config-set-value = Its new value
cli-after-loyal-config-unset =
    Examples:
      loyal config unset currency
cli-arg-loyal-config-unset-key = The setting, as `loyal config` lists it
cli-arg-loyal-rfm-format = table for people; csv or json for programs (README lists the JSON of each command); xlsx for a spreadsheet
cli-arg-loyal-rfm-out = Write the csv, json or xlsx to this file instead of standard output (`-`: standard output)
cli-arg-loyal-rfm-json = The same as --format json
cli-after-loyal-report =
    Examples:
      loyal report pareto
      loyal report churn --period quarter
      loyal report segments --format csv
      loyal report causes
      loyal report satisfaction --by owner
cli-arg-loyal-report-kind = Which report
cli-arg-loyal-report-format = table for people; csv or json for programs (README lists the JSON of each command); xlsx for a spreadsheet
cli-arg-loyal-report-out = Write the csv, json or xlsx to this file instead of standard output (`-`: standard output)
cli-arg-loyal-report-json = The same as --format json
cli-after-loyal-due =
    Examples:
      loyal due
      loyal due --within 14 --create-plans
      loyal due --as-of -30d --format json
cli-arg-loyal-due-as_of = The day to look from: 2026-12-01, -7d, ... [default: today]
cli-arg-loyal-due-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-due-json = The same as --format json
cli-arg-loyal-followup-log-summary = What was discussed
cli-arg-loyal-followup-log-outcome = What came of it
cli-arg-loyal-care-add-customer = External id (or #N)
cli-arg-loyal-care-add-assignee = Who makes the contact [default: the customer's owner]
cli-arg-loyal-care-add-note = What to do or say
cli-after-loyal-care-done =
    Examples:
      loyal care done CP-000031
      loyal care done CP-000031 --log "happy with the grinder" --satisfaction 5
cli-arg-loyal-care-done-id = The plan: CP-000031
cli-arg-loyal-care-done-outcome = What came of it
cli-after-loyal-care-skip =
    Examples:
      loyal care skip CP-000031 --reason "customer on holiday"
cli-arg-loyal-care-skip-id = The plan: CP-000031
cli-arg-loyal-care-skip-reason = Why it is skipped
cli-after-loyal-care-birthdays =
    Examples:
      loyal care birthdays
      loyal care birthdays --within 60
cli-arg-loyal-care-birthdays-within = Birthdays in the next this many days
cli-after-loyal-agenda =
    Examples:
      loyal agenda
      loyal agenda --owner li --days 14
      loyal agenda --date tomorrow --format json
cli-arg-loyal-agenda-days = How many days ahead to list
cli-arg-loyal-agenda-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-agenda-json = The same as --format json
cli-after-loyal-forgotten =
    Examples:
      loyal forgotten
      loyal forgotten --days 90 --owner li
      loyal forgotten --format csv > call-list.csv
cli-arg-loyal-forgotten-owner = Only this owner's customers
cli-arg-loyal-forgotten-limit = At most this many customers, longest silent first
cli-arg-loyal-forgotten-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-forgotten-json = The same as --format json
cli-after-loyal-complaints =
    Examples:
      loyal complaints
      loyal complaints --breached
      loyal complaints --assignee li --format json
cli-arg-loyal-complaints-assignee = Only complaints given to this person
cli-arg-loyal-complaints-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-complaints-json = The same as --format json
cli-arg-loyal-complaint-open-customer = The customer: external id or #N
cli-arg-loyal-complaint-open-category = What kind of problem (the reports group by it)
cli-arg-loyal-complaint-open-description = What the customer complains about
cli-arg-loyal-complaint-open-channel = How it reached us: phone, email, visit, sms, chat, web, other
cli-arg-loyal-complaint-open-assignee = Who works on it
cli-after-loyal-complaint-show =
    Examples:
      loyal complaint show CM-000007
      loyal complaint show CM-000007 --format json
cli-arg-loyal-complaint-show-id = The complaint: CM-000007
cli-arg-loyal-complaint-show-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-complaint-show-json = The same as --format json
cli-after-loyal-complaint-ack =
    Examples:
      loyal complaint ack CM-000007
      loyal complaint ack CM-000007 --text "we are on it, you hear from us by 5pm"
cli-arg-loyal-complaint-ack-id = The complaint: CM-000007
cli-arg-loyal-complaint-ack-said = What was said or done
cli-arg-loyal-complaint-ack-text = The same as TEXT
cli-after-loyal-complaint-start =
    Examples:
      loyal complaint start CM-000007
cli-arg-loyal-complaint-start-id = The complaint: CM-000007
cli-after-loyal-complaint-reply =
    Examples:
      loyal complaint reply CM-000007 "a new parcel left today"
      loyal complaint reply CM-000007 --text "a new parcel left today"
cli-arg-loyal-complaint-reply-id = The complaint: CM-000007
cli-arg-loyal-complaint-reply-said = What was said or done
cli-arg-loyal-complaint-reply-text = The same as TEXT
cli-after-loyal-complaint-note =
    Examples:
      loyal complaint note CM-000007 "courier confirms the delay"
cli-arg-loyal-complaint-note-id = The complaint: CM-000007
cli-arg-loyal-complaint-note-said = What was said or done
cli-arg-loyal-complaint-note-text = The same as TEXT
cli-after-loyal-complaint-contact =
    Examples:
      loyal complaint contact CM-000007
      loyal complaint contact CM-000007 --text "called, still waiting"
cli-arg-loyal-complaint-contact-id = The complaint: CM-000007
cli-arg-loyal-complaint-contact-said = What was said or done
cli-arg-loyal-complaint-contact-text = The same as TEXT
cli-after-loyal-complaint-resolve =
    Examples:
      loyal complaint resolve CM-000007 --text "refunded the postage" --cause "courier delay" --prevent "second courier for Shanghai"
cli-arg-loyal-complaint-resolve-id = The complaint: CM-000007
cli-arg-loyal-complaint-resolve-said = What was said or done
cli-after-loyal-complaint-close =
    Examples:
      loyal complaint close CM-000007
cli-arg-loyal-complaint-close-id = The complaint: CM-000007
cli-after-loyal-complaint-reopen =
    Examples:
      loyal complaint reopen CM-000007 --reason "the parcel never came"
cli-arg-loyal-complaint-reopen-id = The complaint: CM-000007
cli-arg-loyal-complaint-reopen-reason = Why it is open again
cli-after-loyal-complaint-assign =
    Examples:
      loyal complaint assign CM-000007 wang
cli-arg-loyal-complaint-assign-id = The complaint: CM-000007
cli-arg-loyal-complaint-assign-to = The colleague's staff name
cli-after-loyal-audit =
    Examples:
      loyal audit
      loyal audit --customer C-000042
      loyal audit --user li --since -7d --format json
cli-arg-loyal-audit-limit = At most this many entries
cli-arg-loyal-audit-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-audit-json = The same as --format json
cli-after-loyal-role =
    Examples:
      loyal role
      loyal role set li agent
      loyal role list --format json
cli-arg-loyal-role-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-role-json = The same as --format json
cli-after-loyal-role-list =
    Examples:
      loyal role list
      loyal role list --format csv
cli-arg-loyal-role-list-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-role-list-json = The same as --format json
cli-after-loyal-role-set =
    Examples:
      loyal role set li agent
      loyal role set wang viewer
cli-arg-loyal-role-set-user = The OS account (as `loyal whoami` names it)
cli-arg-loyal-role-set-role = viewer, agent or admin
cli-after-loyal-imports =
    Examples:
      loyal imports
      loyal imports --format json
      loyal imports rollback 4
cli-arg-loyal-imports-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-imports-json = The same as --format json
cli-after-loyal-imports-rollback =
    Examples:
      loyal imports rollback 4
cli-arg-loyal-imports-rollback-id = The run's number, as `loyal imports` lists it
cli-after-loyal-whoami =
    Examples:
      loyal whoami
      loyal whoami --format json
cli-arg-loyal-whoami-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-whoami-json = The same as --format json
cli-after-loyal-stats =
    Examples:
      loyal stats
      loyal --db team.redb stats --format json
cli-arg-loyal-stats-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-stats-json = The same as --format json
cli-after-loyal-check =
    Examples:
      loyal check
      loyal --db /srv/loyal/team.redb check
cli-after-loyal-gen =
    Examples:
      loyal gen --out data
      loyal gen --customers 100000 --orders 1000000 --out big
cli-arg-loyal-gen-customers = How many customers
cli-arg-loyal-gen-orders = How many orders, spread over the customers
cli-arg-loyal-gen-seed = The random seed: the same seed makes the same data
cli-arg-loyal-gen-buyers = The share of customers who have ordered (0 to 1)
cli-arg-loyal-gen-skew = How unevenly orders spread over the buyers: the Pareto alpha of their weights (smaller is more skewed; 1.2 is about 80/20)
gen-share-range = a share from 0 to 1, such as 0.88
gen-skew-range = a Pareto alpha from 0.1 to 10, such as 1.2
cli-about-loyal-completions = The shell completion script for bash, zsh, fish, elvish or powershell
cli-after-loyal-completions =
    Examples:
      loyal completions bash > ~/.local/share/bash-completion/completions/loyal
      loyal completions zsh > ~/.zfunc/_loyal
      loyal completions fish > ~/.config/fish/completions/loyal.fish
cli-arg-loyal-completions-shell = Which shell
cli-about-loyal-man = The manual page (roff): loyal.1 to standard output, or one page per command in DIR
cli-after-loyal-man =
    Examples:
      loyal man | man -l -
      loyal man --out ~/.local/share/man/man1
cli-arg-loyal-man-out = Write loyal.1, loyal-import.1, ... into this folder

## Backups
backup-exists = the file exists already; a backup is written to a new file
backup-unknown-table = the database has a table this loyal does not know ({ $table }): back it up with the loyal that wrote it
backup-verify-failed = the copy did not verify ({ $detail }); nothing was kept
needs-back-up-the-database = back up the database
cli-backup-progress = {"{"}spinner{"}"} backing up [{"{"}bar:30{"}"}] {"{"}pos{"}"}/{"{"}len{"}"} rows ({"{"}eta{"}"})
cli-backup-done = backup { $file }: { $tables } tables, { $rows } rows, { $mib } MiB in { $seconds } s ({ $rate } MiB/s), verified
cli-backup-removed = removed the older backup { $file }
restore-in-use = { $file } is open in other processes: { $who }; ask them to close loyal first (nothing was changed)
restore-not-sound = the backup did not pass the integrity check; nothing was changed
cli-restored = restored { $file } from { $from }
cli-restore-kept = the file it replaced is kept as { $file }
audit-restore-detail = replaced file kept as { $kept }
needs-restore-the-database = restore the database
audit-db-restore = database restored
audit-answer-add = added a canned answer
audit-answer-edit = changed a canned answer
audit-answer-remove = removed a canned answer
audit-answer-import = imported canned answers
cli-about-loyal-backup = A verified copy of the database, taken while others work (admins)
cli-after-loyal-backup =
    Examples:
      loyal backup /backups/loyal-monday.redb
      loyal backup --keep 14 /backups        dated file, the newest 14 kept

    A cron line for a nightly backup at 02:30:
      30 2 * * * loyal --db /srv/loyal/team.redb backup --keep 14 /srv/backups/loyal
cli-arg-loyal-backup-target = The new file (with --keep: the folder for dated backups)
cli-arg-loyal-backup-keep = Write a dated file into the folder and keep only the newest N there
cli-about-loyal-restore = Put a backup in the database's place (admins; nobody else may have it open)
cli-after-loyal-restore =
    Examples:
      loyal --db /srv/loyal/team.redb restore /srv/backups/loyal/loyal-20261201-023000.redb

    The backup is checked first; the replaced file is kept beside the database as
    FILE.before-restore-DATE, and the restore is written to the audit trail.
cli-arg-loyal-restore-backup = The backup file (made by `loyal backup`)
file-bad-byte = byte { $byte } is not valid { $encoding } text (say which encoding the file is in with --encoding)
file-unmappable = { $character } cannot be written in { $encoding } (use --encoding utf-8, or gb18030, which holds every character)
cli-arg-loyal-export-encoding = Write CSV in this encoding (gbk, gb18030, big5, utf-16) for a spreadsheet that expects it [default: utf-8]
cli-arg-loyal-export-bom = Start UTF-8 CSV with a byte-order mark, so that Excel reads it as UTF-8
cli-arg-loyal-import-encoding = The file's text encoding (utf-8, utf-16, gbk, gb18030, big5...) [default: detected: a byte-order mark, else UTF-8 when every byte is, else a best guess]
cli-unknown-encoding = { $name } is not an encoding loyal knows (try utf-8, utf-16, gbk, gb18030 or big5)
cli-encoding-json = JSON is always UTF-8 and a workbook holds its own text: --encoding and --bom are for CSV
cli-read-as = { $file }: read as { $encoding } ({ $how ->
    [bom] from its byte-order mark
    [guessed] detected; say --encoding if that is wrong
   *[given] as given
})
map-bad-pair = { $pair } is not a mapping: write SOURCE=FIELD, for example 手机号码=phone
map-unknown-field = { $field } is not a column of any kind
map-unknown-field-near = { $field } is not a column of any kind (did you mean { $near }?)
file-two-columns-one-field = both { $first } and { $second } name this column: keep one, or ignore the other with --map "{ $second }=-"
profile-bad-name = a profile name is 1 to { $most } characters without spaces, `=`, `,` or `;`
profile-unknown = there is no import profile { $name } (profiles: { $names })
profile-none = none yet; save one with `loyal import --save-profile NAME --map ...`
cli-arg-loyal-import-map = Name columns yourself: `SOURCE=FIELD` pairs, e.g. "手机号码=phone,会员编号=customer_id" (headers such as 客户编号, 手机, Customer ID are known already)
cli-arg-loyal-import-profile = Name columns by a mapping saved in the team settings (`--list-profiles`); `--map` adds to it
cli-arg-loyal-import-save_profile = Save `--map` as a profile for everyone (admin); with KIND and FILE, then import
cli-arg-loyal-import-remove_profile = Remove a saved profile (admin)
cli-arg-loyal-import-list_profiles = List the saved profiles
cli-profile-saved = import profile { $name } saved
cli-profile-removed = import profile { $name } removed
cli-mapping-title = Columns of the file, and the field each fills:
cli-mapping-ignored = (ignored)
cli-unknown-column-near = { $column } (did you mean { $near }?)
file-workbook-stream = a workbook is read from a file: save it first, then import the file
file-no-such-sheet = the workbook has no sheet { $sheet } (sheets: { $sheets })
file-cell-without-header = a value in a column without a header
cell-error = the cell holds the error { $error }
cell-phone-number = Excel stored this phone number as the number { $number }, which loses a leading 0 or + and, past 15 digits, the last ones: format the column as text and enter the numbers again
cell-not-serial-date = { $number } is not a date Excel can hold
cell-id-number = Excel stored this id as the number { $number }, not a whole one: format the column as text
cli-arg-loyal-import-sheet = The sheet of a workbook to read, by name or number (1 is the first) [default: the first]
cli-workbook-to-screen = a workbook is not for the screen: write it to a file with --out FILE
vcard-customers-only = a vCard file holds customers: import or export it as customers
vcard-bad-line = this line is not a vCard property (NAME:value)
vcard-no-end = this card has no END:VCARD
vcard-outside-card = a property outside BEGIN:VCARD ... END:VCARD
vcard-line-too-long = a property longer than 1 MiB
field-map = Column map (手机号码=phone)
field-profile = Mapping profile
field-sheet = Sheet
field-encoding = Encoding
import-read-as = read as { $encoding }

## Reports written as CSV or as an Excel workbook (`--format csv|xlsx`, `--out`)
cli-table-to-file = a table is for the screen: use --format csv, json or xlsx with --out FILE
cli-report-written = wrote the { $report } report to { $file }
report-workbook-title = loyal report { $report } as of { $date }
report-yes = yes
report-no = no
report-sheet-segments = Segments
report-sheet-stages = Loyalty ladder
report-sheet-values = Value classes
report-sheet-pareto = Pareto curve
report-sheet-summary = Summary
report-sheet-churn = Churn by period
report-sheet-won-back = Won back
report-sheet-causes = Root causes
report-sheet-rfm = RFM
report-pareto-customers = Customers
report-pareto-revenue = Revenue
report-pareto-top-count = Customers in the top 20%
report-pareto-top-share = Revenue share of the top 20%
report-pareto-count-80 = Customers making 80% of revenue
report-pareto-share-80 = Their share of all customers
report-col-segment = Segment
report-col-customers = Customers
report-col-customer_share = Share of customers
report-col-revenue = Revenue
report-col-revenue_share = Share of revenue
report-col-stage = Stage
report-col-share = Share
report-col-value_class = Value class
report-col-measure = Measure
report-col-value = Value
report-col-period_start = Period start
report-col-period_end = Period end
report-col-active_at_start = Active at start
report-col-active_at_end = Active at end
report-col-new = New
report-col-retention = Retention
report-col-churn = Churn
report-col-retained = Retained
report-col-won_back = Won back
report-col-partial = Partial period
report-col-customer_id = Customer ID
report-col-last_before = Last order before
report-col-churned_on = Churned on
report-col-came_back = Came back
report-col-category = Category
report-col-cause = Root cause
report-col-complaints = Complaints
report-col-others_said_same = Others said the same
report-col-latest = Latest
report-col-ids = Complaint IDs
report-col-name = Name
report-col-recency_days = Days since last order
report-col-frequency = Orders
report-col-monetary = Spend
report-col-r = R
report-col-f = F
report-col-m = M
report-col-at_risk = At risk

## The QA library of canned answers
needs-manage-canned-answers = manage canned answers
needs-use-canned-answers = use canned answers
answer-bad-id = { $id } cannot be an answer id (1 to 40 characters, no spaces)
answer-title-required = an answer needs a title
answer-title-too-long = a title is one line of at most { $max } characters
answer-text-required = an answer needs a text
answer-text-too-long = a text has at most { $max } characters
answer-bad-lang = { $lang } is not a language tag (such as zh or en)
answer-id-taken = there is already an answer { $id }
answer-unknown = there is no answer { $id } (loyal answers list shows them)
answer-unknown-complaint = there is no complaint { $id }
answer-unknown-plan = there is no care plan { $id }
answer-repeated-row = the same answer as on line { $line }
answer-import-detail = { $added } added, { $changed } changed
answer-file-too-many = more than { $most } answers: is this a file of answers?
answer-file-not-text = is not text
cli-answer-added = added { $id }: { $title }
cli-answer-saved = saved { $id } (version { $version })
cli-answer-removed = removed { $id }: { $title }
cli-answers-none = no answers (add one with loyal answers add, or bring a library in with loyal answers import)
answers-col-id = Id
answers-col-title = Title
answers-col-tags = Tags
answers-col-uses = Uses
answers-col-lang = Language
cli-answer-written = written by { $by } { $at }; changed by { $changed_by } { $at_changed }; version { $version }; used { $uses } times
cli-answers-imported = { $added } added, { $changed } changed, { $unchanged } unchanged{ $skipped ->
        [0] {""}
       *[other] , { $skipped } bad rows left out
    }
cli-answers-refused =
    { $name }: { $n ->
        [one] 1 bad row
       *[other] { $n } bad rows
    }; nothing was written (fix them, or pass --skip-bad to import the rest)
cli-about-loyal-answers = The QA library of canned answers: list, search, add, edit, use, import, export
cli-about-loyal-answers-list = Every answer of the library, by id
cli-after-loyal-answers-list =
    Examples:
      loyal answers list
      loyal answers list --tag 退款
cli-arg-loyal-answers-list-tag = Only answers with this tag
cli-arg-loyal-answers-list-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-answers-list-json = The same as --format json
cli-about-loyal-answers-show = One answer in full: its text, tags, who wrote and changed it, how often it was used
cli-after-loyal-answers-show =
    Examples:
      loyal answers show A-0001
cli-arg-loyal-answers-show-id = The answer: A-0001
cli-arg-loyal-answers-show-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-answers-show-json = The same as --format json
cli-about-loyal-answers-search = Find answers by words of the title, tags or text (prefixes, typos; pinyin and initials)
cli-after-loyal-answers-search =
    Examples:
      loyal answers search refund
      loyal answers search tuikuan
      loyal answers search tk
cli-arg-loyal-answers-search-query = Words to look for
cli-arg-loyal-answers-search-limit = At most this many answers, best first
cli-arg-loyal-answers-search-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-answers-search-json = The same as --format json
cli-about-loyal-answers-add = Add an answer; its text may hold {"{"}name{"}"}, {"{"}complaint{"}"}, {"{"}staff{"}"} and {"{"}due{"}"}
cli-after-loyal-answers-add =
    Examples:
      loyal answers add --title 退款流程 --text "{"{"}name{"}"}您好，退款将在3个工作日内原路退回。" --tags 退款,售后
      loyal answers add --title "Late delivery" --text "Dear {"{"}name{"}"}, ..." --lang en
cli-arg-loyal-answers-add-title = One line the picker shows
cli-arg-loyal-answers-add-text = What is said or written
cli-arg-loyal-answers-add-tags = Tags, separated by commas
cli-arg-loyal-answers-add-lang = The language it is written in: zh, en, ...
cli-arg-loyal-answers-add-id = Its id [default: the next A-0001]
cli-about-loyal-answers-edit = Change an answer (only the fields given)
cli-after-loyal-answers-edit =
    Examples:
      loyal answers edit A-0001 --tags 退款,售后,财务
      loyal answers edit A-0001 --if-version 2 --text "..."
cli-arg-loyal-answers-edit-id = The answer: A-0001
cli-arg-loyal-answers-edit-if_version = Refuse the change if the answer is no longer at this version (someone saved meanwhile)
cli-arg-loyal-answers-edit-title = One line the picker shows
cli-arg-loyal-answers-edit-text = What is said or written
cli-arg-loyal-answers-edit-tags = Tags, separated by commas ("" clears them)
cli-arg-loyal-answers-edit-lang = The language it is written in ("" clears it)
cli-about-loyal-answers-remove = Remove an answer from the library
cli-after-loyal-answers-remove =
    Examples:
      loyal answers remove A-0007
cli-arg-loyal-answers-remove-id = The answer: A-0001
cli-about-loyal-answers-use = The text of an answer for a case, placeholders filled (the use is counted)
cli-after-loyal-answers-use =
    Examples:
      loyal answers use A-0001 --complaint CM-000012
      loyal answers use A-0003 --customer C-0042
cli-arg-loyal-answers-use-id = The answer: A-0001
cli-arg-loyal-answers-use-customer = The customer ({"{"}name{"}"}): C-0042 or #N [default: the complaint's or plan's]
cli-arg-loyal-answers-use-complaint = The complaint ({"{"}complaint{"}"}, and {"{"}due{"}"} its next deadline)
cli-arg-loyal-answers-use-plan = The care plan ({"{"}due{"}"} its due date)
cli-arg-loyal-answers-use-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-answers-use-json = The same as --format json
cli-about-loyal-answers-import = Bring answers in from CSV or JSON (by id, or by title when there is no id)
cli-after-loyal-answers-import =
    Examples:
      loyal answers import answers.csv
      loyal answers import qa.json --skip-bad
      loyal answers import 话术.csv --encoding gbk
cli-arg-loyal-answers-import-file = The file (`-`: standard input)
cli-arg-loyal-answers-import-format = csv or json [default: from the file's extension]
cli-arg-loyal-answers-import-skip_bad = Import the good rows and list the bad ones (default: nothing unless every row is good)
cli-arg-loyal-answers-import-encoding = The file's text encoding: utf-8, gbk, gb18030, big5, utf-16 [default: detected]
cli-about-loyal-answers-export = Write the whole library as CSV or JSON (it imports again unchanged)
cli-after-loyal-answers-export =
    Examples:
      loyal answers export > answers.csv
      loyal answers export --format json --out answers.json
cli-arg-loyal-answers-export-format = csv or json
cli-arg-loyal-answers-export-out = Write to this file instead of standard output
action-pick_answer = insert a canned answer (in a reply, note or follow-up)
answers-picker-title = Canned answers
answers-picker-empty = the library is empty (add answers with loyal answers add or import)
answers-picker-footer = { $open } insert · { $move } choose · { $back } back to the form
hint-pick-answer = answer
answer-inserted = inserted { $title }
answer-form-gone = the answer was not inserted: its form is closed
answers-not-here = this form takes no canned answer
action-manage_answers = the QA library: find, add, change and remove canned answers
action-new_answer = a new canned answer (in the QA library)
action-remove_answer = remove the selected canned answer (asks first)
section-answers = QA library
answers-manager-title = QA library
answers-manager-footer = { $open } edit · { $new } new · { $remove } remove · { $back } close
field-answer-title = Title
field-answer-text = Text
field-answer-lang = Language
answer-form-new = New canned answer ({"{"}name{"}"} {"{"}complaint{"}"} {"{"}staff{"}"} {"{"}due{"}"} are filled in when used)
answer-form-edit = Canned answer { $id }
answer-form-remove = Remove { $id } ({ $title })? Enter removes it
saved-answer = saved { $id }: { $title }
saved-answer-plain = saved the answer
removed-answer = removed { $id }: { $title }
remind-overdue = { $n ->
        [one] 1 overdue care plan
       *[other] { $n } overdue care plans
    }
remind-due = { $n } due today
remind-new = { $n ->
        [one] 1 new complaint
       *[other] { $n } new complaints
    }
remind-sla-soon = { $n ->
        [one] 1 SLA due within the hour
       *[other] { $n } SLAs due within the hour
    }
remind-sla-breached = { $n } past the SLA
remind-overdue-short = { $n } late
remind-due-short = { $n } today
remind-new-short = { $n } new
remind-sla-soon-short = { $n } SLA<1h
remind-sla-breached-short = { $n } SLA!
remind-line = { $staff }: { $items }
remind-nothing = { $staff }: nothing needs you now
config-bad-bell = bell: { $value } is not true or false
config-bad-notify = notify: { $value } is not off, osc9 or osc777
remind-total = { $n } for you
cli-about-loyal-remind = What needs you now: overdue and due care plans, new complaints, SLAs within the hour
cli-after-loyal-remind =
    Examples:
      loyal remind
      loyal remind --format json
      loyal remind --format tmux      in tmux.conf: set -g status-right '#(loyal remind --format tmux)'
cli-arg-loyal-remind-format = text for people; json for programs; tmux for a status line
pop-bad-phone = { $phone } is not a phone number (digits, with + - ( ) . or spaces)
pop-no-one = say whose workbenches get the call (--to STAFF)
pop-cannot-write = cannot write the call into { $folder }: { $error }
pop-caller = call from { $phone }: { $name }
pop-unknown = call from { $phone }: no customer has this number (a new file, the number filled in)
pop-several = call from { $phone }: { $n } customers have this number
pop-busy = call from { $phone } (save or close the form to bring the caller up)
cli-popped = { $phone } sent to the workbenches of { $to }
cli-about-loyal-pop = Bring a caller up in the workbenches of one staff member (for a telephony hook)
cli-after-loyal-pop =
    Examples:
      loyal pop 13800138000
      loyal pop "+86 138-0013-8000" --to "Li Na"
    
    One customer with the number: the call screen; several: the lookup list; none: a new customer file with the number. A pop nobody saw in 60 s is dropped.
cli-arg-loyal-pop-phone = The caller's number
cli-arg-loyal-pop-to = Whose workbenches: a staff name or an OS account [default: your OS account]
cli-by-satisfaction-only = --by goes with the satisfaction report (--by owner or channel) and the churn report (--by owner)
cli-satisfaction-head = Satisfaction of scored follow-ups (1 very unhappy to 5 delighted), per period
cli-satisfaction-none = no follow-up has a satisfaction score yet (loyal followup log ... --satisfaction 1-5)
cli-col-group = Owner / channel
cli-col-responses = Scored
cli-col-average = Average
cli-col-unhappy = Score 1-2
cli-col-average-bar = Average (each # = 1/8)
report-col-average = Average score
report-col-group = Owner or channel
report-col-responses = Scored follow-ups
report-col-unhappy = Scores of 1-2
report-col-unhappy_share = Share of 1-2
report-sheet-satisfaction = Satisfaction
answer-too-long-for-field = { $title } is longer than this field takes (at most { $most } more characters): not inserted
cli-arg-loyal-answers-remove-if_version = Refuse if the answer is no longer at this version (someone saved meanwhile)

## Teams and routing (issue 15 §4)
team-service = service
team-finance = finance
team-sales = sales
team-no-name = a team without a name in { $part }
team-bad-name = team name { $name } is too long (at most { $max } characters) or holds , : ; or a control character
team-twice = team { $name } is named twice
team-bad-member = member { $member } holds a control character
setting-teams = teams a complaint can be routed to, with members: `service: ann, bob; finance: carol`
complaint-event-routed = routed
complaint-route-closed = { $id } is { $status }; reopen it to route it
no-teams = no team { $team }: no teams are set (loyal config set teams "service; finance; sales")
no-such-team = no team { $team } (teams: { $teams })
no-teams-set = no teams are set: an admin sets them with loyal config set teams "service; finance; sales"
event-unassigned = no longer assigned: waiting in { $team }'s queue
event-routed = routed to { $team }
event-routed-why = routed to { $team }: { $note }
audit-complaint-route = complaint routed
action-route = route the complaint to a team
complaint-form-route = Route to a team
field-team = Team
field-route-why = Why (kept in its history)
field-route-to = Assign to (optional)
detail-team = Team
queue-col-team = TEAM
cli-view-team = team
remind-team = { $n ->
    [one] { $n } complaint waiting in your team's queue
   *[other] { $n } complaints waiting in your team's queue
}
remind-team-short = { $n } team
cli-about-loyal-complaint-route = Send it to a team (finance, sales, ...); its SLA clock runs on
cli-after-loyal-complaint-route =
    Examples:
      loyal complaint route CM-000007 --team finance --note "refund owed since May"
      loyal complaint route CM-000007 --team sales --to dan
cli-arg-loyal-complaint-route-id = The complaint: CM-000007
cli-arg-loyal-complaint-route-team = The team, as the `teams` setting names it
cli-arg-loyal-complaint-route-note = Why it goes there (kept in its history)
cli-arg-loyal-complaint-route-to = Also give it to this person in the team
cli-arg-loyal-complaints-team = Only complaints routed to this team (finance, sales, ...)

## Influencers (issue 15 §5)
influence-teacher = teacher
influence-journalist = journalist
influence-manager = manager
influence-community_leader = community leader
influence-other = other opinion leader
influence-note-long = the note is longer than { $max } characters: shorten it (nothing was saved)
audit-customer-influence = influence noted
report-sheet-influencers = Influencers
report-col-influence = Influence
report-col-note = Note
report-col-referrals = Referrals
report-col-referred_buyers = Referred who bought
report-col-referred_revenue = Revenue of referred
cli-influencers-head = { $n ->
    [one] { $n } opinion leader, most revenue brought first
   *[other] { $n } opinion leaders, most revenue brought first
}
cli-influencers-none = none noted yet (loyal customer influence ID --kind teacher)
cli-col-customer = CUSTOMER
cli-col-influence = INFLUENCE
cli-col-referrals = REFERRALS
cli-col-bought = BOUGHT
cli-col-referred-revenue = THEIR REVENUE
cli-col-note = NOTE
cli-influence-none = no influence noted
cli-influence-line = opinion leader: { $kind }{ $note } (noted by { $by }, { $date })
cli-field-influence = influence
influencer-mark = KOL
customers-filter-yes-no = { $value } is not yes or no
card-influence = Influence
influence-none = none
form-influence = Influence of { $name }
field-influence = Opinion leader
field-influence-note = Who listens to them
influence-cleared = influence cleared
influence-saved = influence noted
action-set_influence = note the customer as an opinion leader
cli-about-loyal-customer-influence = Note a customer as an opinion leader (or show, or clear, the influence noted)
cli-after-loyal-customer-influence =
    Examples:
      loyal customer influence C-000042 --kind teacher --note "runs the parents' group of class 3"
      loyal customer influence C-000042
      loyal customer influence C-000042 --clear
cli-arg-loyal-customer-influence-id = The customer: external id or #N
cli-arg-loyal-customer-influence-kind = teacher, journalist, manager, community_leader, other
cli-arg-loyal-customer-influence-note = Who listens to them, and why (with --kind)
cli-arg-loyal-customer-influence-clear = Remove the influence noted

## Why customers leave, and winning them back (issue 15 §6)
care-purpose-win_back = win back
note-win-back-reason = churned { $day } ({ $reason }); brought { $revenue }: call to win them back
note-win-back = churned { $day }; brought { $revenue }: call to win them back
note-win-back-risk = { $segment }; brought { $revenue }: call before they leave
audit-care-win_back = win-back calls planned
report-sheet-churn-reasons = Churn reasons
report-col-reason = Reason
cli-churn-reasons-head = Churned customers by the period they churned in and the reason on their file
cli-churn-reasons-none = no churned customers
cli-col-reason = REASON
cli-churn-no-reason = (no reason noted)
cli-creating-win-back = planning the win-back calls
cli-win-back-plans = { $created } win-back calls planned ({ $existing } already had one)
cli-win-back-head = { $n ->
    [one] { $n } valuable customer left or is slipping away, with no win-back call planned
   *[other] { $n } valuable customers left or are slipping away, with no win-back call planned
}
cli-win-back-churned-why = churned { $day }: { $reason }
cli-win-back-churned = churned { $day }
cli-win-back-rate = won back so far: { $won } of { $plans } customers called ({ $pct }), counted as an order after the call was planned
cli-win-back-no-plans = no win-back calls planned yet
cli-about-loyal-winback = Valuable customers (MVC, MGC) who left or are slipping away, with no open win-back plan
cli-after-loyal-winback =
    Examples:
      loyal winback
      loyal winback --plan --due +2d
      loyal winback --format json
cli-arg-loyal-winback-as_of = The day to look from: 2026-12-01, -7d, ... [default: today]
cli-arg-loyal-winback-plan = Plan a win-back call for each (assigned to the customer's owner)
cli-arg-loyal-winback-due = When the planned calls are due [default: today]
cli-arg-loyal-winback-limit = Show at most this many (the table; --plan plans them all)
cli-arg-loyal-winback-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-winback-json = The same as --format json
action-plan_win_back = plan win-back calls for valuable customers slipping away
win-back-where = go to the RFM pane (4) to plan win-back calls
win-back-planning = planning win-back calls…
win-back-planned = { $created } win-back calls planned ({ $existing } already had one)
hint-win-back = plan win-back calls
report-sheet-churn-by-owner = Retention by owner
report-col-owner = Owner
cli-churn-by-owner-head = Retention per account owner: their customers active at the start of each period, and how many stayed
cli-no-owner = (no owner)
rfm-view-owners = retention by owner
rfm-view-satisfaction = satisfaction
col-trend = Bar (+/- on the month before)
col-scored = Scored
col-average = Avg
col-unhappy = 1-2
col-score-bar = Average score, 1 to 5
owners-no-period = no finished month yet
owners-footer = share still active at month end · report churn --by owner: every month
satisfaction-reading = reading the scores…
satisfaction-none = no follow-up has a satisfaction score yet
satisfaction-footer = red: a fifth or more scored 1-2 · report satisfaction --by owner|channel
cli-about-loyal-clv = Who is still a customer and what each is worth: BG/NBD and Gamma-Gamma fitted on the orders, P(alive), expected purchases, lifetime value
cli-after-loyal-clv =
    Examples:
      loyal clv
      loyal clv --calibration-end 2026-06-30 --holdout-end 2026-09-30
      loyal clv --months 24 --format csv > clv.csv
cli-arg-loyal-clv-calibration_end = Fit on orders up to this date: 2026-06-30, -90d, ... [default: today]
cli-arg-loyal-clv-horizon_weeks = Weeks of the expected-purchases column
cli-arg-loyal-clv-months = Months of lifetime value (discounted at the team setting clv.discount_rate)
cli-arg-loyal-clv-holdout_end = Also track predicted against actual repeat purchases, week by week, up to this date
cli-arg-loyal-clv-limit = Show at most this many customers, highest lifetime value first (the table)
cli-arg-loyal-clv-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-clv-json = The same as --format json
cli-clv-head = Lifetime value as of { $date }: { $n } customers with orders
cli-clv-bgnbd = BG/NBD (who is still buying): r = { $r }, alpha = { $alpha }, a = { $a }, b = { $b }, log-likelihood { $ll }
cli-clv-gamma-gamma = Gamma-Gamma (spend per purchase): p = { $p }, q = { $q }, v = { $v }
cli-clv-tracking-head = Holdout: cumulative repeat purchases, predicted against actual
cli-col-repeats = repeats
cli-col-p-alive = P(alive)
cli-col-expected-purchases = next { $weeks } wk
cli-col-avg-spend = avg spend
cli-col-clv = CLV { $months } mo
cli-col-week = week
cli-col-until = until
cli-col-predicted = predicted
cli-col-actual = actual
clv-bad-horizon = the horizon must be zero or more weeks
clv-holdout-before-end = the holdout end must come after the calibration end
setting-clv-discount_rate = annual discount rate of lifetime value (loyal clv)
card-margin-cost = Margin
card-margin-cost-line = { $margin } · cost of service { $cost } ({ $complaints ->
        [one] 1 complaint
       *[other] { $complaints } complaints
    }, { $contacts ->
        [one] 1 contact
       *[other] { $contacts } contacts
    })
cli-col-margin = MARGIN
cli-col-service-cost = SERVICE COST
report-col-margin = Margin
report-col-service_cost = Cost of service
cross-sell-bad-support = the minimum support is a share between 0 and 1
cross-sell-too-many = more than 16,777,216 distinct items or 2^40 customers: too many to count pairs of
cli-arg-loyal-report-min_support = Cross-sell: rules bought together by at least this share of customers [default: 0.01]
cli-arg-loyal-report-of = Cross-sell: baskets of the orders' items or of their categories [default: items]
cli-cross-sell-only = --min-support and --of go with the cross-sell report
cli-cross-sell-head = bought together: { $customers } customers with items, { $rules } rules, strongest lift first
cli-col-buyers-of = BOUGHT
cli-col-also-bought = ALSO BOUGHT
cli-col-support = SUPPORT
cli-col-confidence = CONFIDENCE
cli-col-lift = LIFT
report-sheet-cross-sell = Cross-sell
report-col-from = Bought
report-col-to = Also bought
report-col-support = Support
report-col-confidence = Confidence
report-col-lift = Lift
card-lifetime = Lifetime
card-lifetime-alive = { $alive } likely still a customer
card-lifetime-slipping = { $alive } likely still a customer ({ $before } { $days } days ago: slipping away)
card-lifetime-next = { $n } purchases expected in { $days } days
card-lifetime-worth = worth { $clv } over 12 months
call-alive = alive { $alive }
call-alive-slipping = alive { $alive }, slipping
call-clv = CLV { $clv }
call-next-purchases = ~{ $n } buys in { $days }d
note-win-back-slipping = likely still a customer: { $alive }, was { $before } { $days } days ago; worth { $clv } over 12 months: call before they leave
rfm-view-lifetime = lifetime value
lifetime-fit = BG/NBD r { $r } α { $alpha } a { $a } b { $b } · Gamma-Gamma p { $p } q { $q } v { $v } · fitted on { $customers } customers
lifetime-no-fit = no lifetime fit: { $why }
lifetime-tracking-wait = tracking the models against the last weeks…
lifetime-tracking-none = no weeks to track yet
lifetime-tracking = weeks since the fit ({ $weeks }): { $predicted } repeat purchases predicted, { $actual } made
lifetime-predicted = predicted
lifetime-actual = actual
lifetime-slipping-head = { $n ->
    [one] { $n } valuable customer slipping away (likely still a customer, falling over { $days } days)
   *[other] { $n } valuable customers slipping away (likely still a customer, falling over { $days } days)
}
lifetime-slipping-none = nobody valuable is slipping away
lifetime-waits = the list waits for scoring to finish (a moment)
col-alive-before = 30d ago
col-repeats = Repeats
card-suggest = Suggest
card-suggest-wait = finding what buyers like them also buy…
card-suggest-one = { $thing } ({ $share } of { $because } buyers)
talk-suggest = offer { $thing } (buyers of { $because } usually take it)
setting-points-per_unit = points earned per 1.00 spent (rounded down per order)
setting-points-category_multipliers = points multipliers by order category, e.g. equipment:2,gifts:1.5
setting-points-referral_bonus = points to a referrer when the customer they referred orders for the first time
setting-points-birthday_bonus = points for an order on the customer's birthday (once a year)
setting-points-expiry_months = months after which earned points expire, oldest first (0: never)
setting-points-tiers = tiers by points earned in the last 12 months: name:from, lowest first
setting-points-redemption_value = what one point is worth when redeemed (the liability in report points)
setting-points-agent_grant_limit = most points an agent may grant at once (admins: any)
setting-bad-points = { $value } is not a number of points from 0 to 1000000000
setting-bad-months = { $value } is not a number of months from 0 to 600
points-bad-multiplier = { $part } is not category:multiplier (like equipment:2 or gifts:1.5)
points-bad-tier = { $part } is not name:points, with each tier starting above the one before
points-kind-granted = granted
points-kind-redeemed = redeemed
points-kind-bad = { $value } is neither granted nor redeemed
points-earned = earned
points-taken-back = taken back
points-bonus = bonus
points-expired = expired
points-grant-limit = an agent may grant at most { $limit } points at once (ask an admin)
points-bad-number = points must be a whole number from 1 to 1000000000
points-reason-needed = a reason is required
points-balance-moved = the balance changed since you looked ({ $seen }, now { $balance }): look again
points-not-enough = only { $balance } points to redeem, not { $asked }
needs-grant-points = grant points
needs-redeem-points = redeem points
needs-import-points = import points
audit-points-grant = points granted
audit-points-redeem = points redeemed
audit-points-import = points movements imported
points-tier-bronze = bronze
points-tier-silver = silver
points-tier-gold = gold
points-bad-time = { $value } is not a time like 2026-12-01T09:30:00Z or a date
points-id-needed = an id is required (it is what a re-import matches on)
points-id-taken = { $id } is already in the ledger with other content (a ledger line is not edited)
cli-points-balance = { $customer }: { $balance } points (worth { $value }) · tier { $tier } ({ $earned } earned in the last 12 months)
cli-points-negative = the balance is below zero: refunds took back points already spent (shown, not hidden)
cli-points-expiring = { $points } points expire within { $days } days
cli-points-totals = earned { $earned } · taken back { $back } · bonus { $bonus } · granted { $granted } · redeemed { $redeemed } · expired { $expired }
cli-points-none = no points movements
cli-points-redeemed = { $id }: { $points } points redeemed; balance now { $balance }
cli-points-granted = { $id }: { $points } points granted; balance now { $balance }
cli-points-expire-head = { $n ->
    [one] { $n } customer has points expiring within { $days } days
   *[other] { $n } customers have points expiring within { $days } days
}
cli-points-imported = { $created } points movements imported, { $unchanged } already there
cli-points-refused =
    { $name }: { $n ->
        [one] 1 bad row
       *[other] { $n } bad rows
    }; nothing was written
cli-about-loyal-points = Rewards points: show, statement, redeem, grant, expire, export, import
cli-about-loyal-points-show = A customer's balance, tier, what expires soon and the latest movements
cli-about-loyal-points-statement = Every movement with the balance after it, oldest first
cli-about-loyal-points-redeem = Redeem points (refused, with the balance, when there are not enough)
cli-about-loyal-points-grant = Grant points by hand (agents up to points.agent_grant_limit at once)
cli-about-loyal-points-expire = Who has points expiring within the next days, and what has expired so far
cli-about-loyal-points-export = Write every recorded movement (grants, redemptions) as CSV or JSON
cli-about-loyal-points-import = Read recorded movements from another system's file (CSV or JSON), all or nothing; keyed by id, so a re-import changes nothing
cli-after-loyal-points-show =
    Examples:
      loyal points show C-000042
      loyal points show C-000042 --as-of 2026-12-31 --format json
cli-after-loyal-points-statement =
    Examples:
      loyal points statement C-000042
      loyal points statement C-000042 --since 2026-01-01 --format csv
cli-after-loyal-points-redeem =
    Examples:
      loyal points redeem C-000042 500 --reason "gift box"
cli-after-loyal-points-grant =
    Examples:
      loyal points grant C-000042 200 --reason "sorry for the late parcel"
cli-after-loyal-points-expire =
    Examples:
      loyal points expire
      loyal points expire --as-of 2026-12-31 --within-days 60 --format csv
cli-after-loyal-points-export =
    Examples:
      loyal points export > points.csv
      loyal points export --format json > points.json
cli-after-loyal-points-import =
    Examples:
      loyal points import points.csv
cli-arg-loyal-points-show-customer = The customer: external id or #N
cli-arg-loyal-points-show-as_of = The balance as of the end of this day (default now)
cli-arg-loyal-points-statement-customer = The customer: external id or #N
cli-arg-loyal-points-statement-since = Only movements from this day on
cli-arg-loyal-points-redeem-customer = The customer: external id or #N
cli-arg-loyal-points-redeem-points = How many points
cli-arg-loyal-points-redeem-reason = What they were redeemed for
cli-arg-loyal-points-grant-customer = The customer: external id or #N
cli-arg-loyal-points-grant-points = How many points
cli-arg-loyal-points-grant-reason = Why
cli-arg-loyal-points-expire-as_of = As of the end of this day (default now)
cli-arg-loyal-points-expire-within_days = Look this many days ahead
cli-arg-loyal-points-import-file = The file (.csv or .json)
cli-arg-loyal-points-show-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-points-show-json = The same as --format json
cli-arg-loyal-points-statement-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-points-statement-json = The same as --format json
cli-arg-loyal-points-expire-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-points-expire-json = The same as --format json
cli-arg-loyal-points-export-format = table for people; csv or json for programs (README lists the JSON of each command)
cli-arg-loyal-points-export-json = The same as --format json
report-col-earned = Earned
report-col-taken_back = Taken back
report-col-bonus = Bonus
report-col-granted = Granted
report-col-redeemed = Redeemed
report-col-expired = Expired
report-col-tier = Tier
report-col-points = Points
report-col-worth = Worth
report-sheet-points = Points
report-sheet-tiers = Tiers
report-sheet-tier-moves = Tier moves
report-points-outstanding = points outstanding (the liability)
report-points-shortfall = points below zero (refunds after redemptions)
cli-points-report-head = Points as of { $date }: { $customers } customers, { $outstanding } points outstanding, worth { $value }
cli-points-report-below = { $n } customers below zero, { $points } points short (refunds took back points already spent)
cli-points-report-move = { $from } -> { $to }: { $n }
card-points = Points
card-points-wait = reading the points…
card-points-line = { $balance } points (worth { $value }) · { $tier }
card-points-below-zero = below zero: refunds took back points already spent
card-points-expiring = { $points } expire within { $days } days
call-points = { $balance } pts { $tier }
action-redeem_points = redeem points (against the balance)
action-grant_points = grant points by hand, with a reason
form-redeem-points = Redeem points: { $name } (balance { $balance })
form-grant-points = Grant points: { $name } (balance { $balance })
field-points = Points
points-saved = { $id }: { $points } points { $kind }
points-saved-plain = points saved
talk-points-expiring = { $points } points expire within { $days } days: offer to redeem
setting-points-tier_multipliers = points multipliers by tier at the time of the order, e.g. silver:1.25,gold:1.5
setting-bad-per-unit = { $value } is not a number of points per 1.00 from 0 to 10000.00
