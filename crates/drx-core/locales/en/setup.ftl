# Setting up an installation: organizations (and, later, people and profiles).
nav-calls = Calls
nav-organizations = Organizations
org-title = Organizations
org-create = Add an organization
org-created = Organization “{ $name }” added.
org-saved = Changes saved.
org-kind-hospital = Hospital
org-kind-company = Company
org-kind-university = University
org-kind-poc_centre = Proof-of-concept centre
org-kind-other = Other
org-status-requested = waiting for a check
org-status-active = active
org-status-inactive = deactivated
org-status-merged = merged
field-kind = Kind
field-name_en = Name (English)
field-name_zh = Name (Chinese)
field-short_name_en = Short name (English)
field-short_name_zh = Short name (Chinese)
field-city = City
org-name-hint = Give at least one of the two names; both help people find it in either language.
org-all = All organizations
org-none = No organizations yet. Add the first one above, or import a file.
org-filter-all = All kinds
org-filter = Show
org-edit-title = Edit the organization
org-save = Save
org-deactivate = Deactivate
org-activate = Reactivate
org-accept = Accept
org-deactivate-explain = A deactivated organization keeps its accounts, submissions and history, but is no longer offered in forms.
org-merge-title = Merge into another record
org-merge-explain = For two records of the same organization. Every account, invitation, need, submission, team member, team and project of this record moves to the record you choose; this one stays, marked merged, pointing there. A merge cannot be undone.
org-merge-into = Merge into
org-merge = Merge
org-merged = { $count ->
    [one] Merged: { $count } reference moved to “{ $name }”.
   *[other] Merged: { $count } references moved to “{ $name }”.
}
org-merged-into = Merged into { $name }.
org-import-title = Import from a file
org-import-explain = CSV (UTF-8) or Excel (.xlsx) with a header row: kind, name_en, name_zh, short_name_en, short_name_zh, city (or 类型, 英文名称, 中文名称, 英文简称, 中文简称, 城市). Kinds: hospital, company, university, poc_centre, other (or 医院, 企业, 大学, 概念验证中心, 其他). One bad row refuses the whole file; nothing is written until every row is right.
org-requested-waiting = { $count ->
    [one] { $count } organization asked for at sign-up waits for your check.
   *[other] { $count } organizations asked for at sign-up wait for your check.
}
org-history = History
org-error-kind = Choose the kind: hospital, company, university, proof-of-concept centre or other.
org-error-name = Give the organization's name in English or Chinese (or both).
org-error-exists = Another record already has this name: “{ $name }” (#{ $id }). Edit that one, or merge the two.
org-error-merged = This record has been merged into another; change that one instead.
org-error-merge-self = Choose another record to merge into.
org-error-repeated = This name appears twice in the file.
error-control-characters = { $field } may not contain control characters.

## The call page's list of steps (services::steps).
call-steps = Steps of running this call
step-setup = Setup: settings, phases, rubric
step-submissions = Submissions
step-assignment = Judge assignment
step-reviews = Review progress
step-ranking = Ranking
step-decisions = Decisions
step-team-matching = Team matching
step-projects = Projects
step-report = Report
step-state-later = Not yet
step-state-open = Open
step-state-due = Due { $when }
step-state-overdue = Overdue since { $when }
step-state-done = Done
step-count-setup = { $done ->
    [one] 1 rubric criterion
   *[other] { $done } rubric criteria
}
step-count-submissions = { $done } submitted
step-count-reviews = { $done } of { $of } reviews submitted
step-count-decisions = { $done } of { $of } finalists chosen
step-count-projects = { $done } projects for { $of } finalists
