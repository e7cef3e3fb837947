# Conversations, notifications and roadshows.
nav-messages = Messages
nav-notifications = Notifications
nav-events = Roadshows

conv-section = Conversations
conv-help = Talk here with the other parties: the clinicians, the engineers and the organizers. Each new message reaches them in the app and by email.
conv-none = No conversation yet.
conv-start = Start a conversation
field-conv-title = Subject
field-conv-message = Message
conv-file = Attach a file (optional)
conv-file-hint = PDF, PNG, JPEG, Word, Excel or PowerPoint, at most { $max } MB.
conv-send = Send
conv-reply = Reply
conv-messages-count = { $n ->
    [one] { $n } message
   *[other] { $n } messages
}
conv-unread = { $n } unread
conv-last = Last message
conv-new-marker = New since your last visit
conv-about = About
conv-kind-need = Need
conv-kind-submission = Solution
conv-kind-project = Project
conv-mine-title = My conversations
conv-mine-none = You take part in no conversation yet. Conversations are started from a need, a solution or a project page.
conv-files = Files
conv-refused = The message was not sent:
conv-notice = { $name } wrote in “{ $title }”.
conv-mail-subject = [drx] New message: { $title }
conv-mail-body =
    Hello { $recipient },

    { $name } wrote in the conversation “{ $title }” on drx:

    { $message }

    Read and answer: { $link }

notif-title = Notifications
notif-none = No notifications.
notif-mark-read = Mark read
notif-mark-all = Mark all read
notif-unread = Unread
notif-open = Open

roadshows-title = Roadshows
roadshow-help = Finalists present their solutions to hospitals, companies and investors. Register to attend, or add a roadshow to your calendar.
roadshow-none = No roadshow is planned.
roadshow-new = New roadshow
roadshow-create = Create the roadshow
roadshow-call = Call
field-roadshow-title = Title
field-roadshow-location = Location
field-roadshow-description = Description
roadshow-starts = Starts
roadshow-ends = Ends
roadshow-time-hint = China time (UTC+8).
roadshow-when = When
roadshow-where = Where
roadshow-agenda = Agenda
roadshow-agenda-none = No presentation is on the agenda yet.
roadshow-agenda-add = Add a presentation
roadshow-finalist = Finalist
roadshow-no-finalists = The call has no finalist yet.
roadshow-slot = Time
roadshow-presenter = Presenter
roadshow-blind = The call is blind: presenters and hospitals are not shown.
roadshow-remove = Remove
roadshow-register = Register
roadshow-unregister = Cancel my registration
roadshow-registered = You are registered.
roadshow-login-to-register = Sign in to register.
roadshow-registrants = Registrations
roadshow-registrants-none = Nobody has registered yet.
roadshow-count = { $n } registered
roadshow-ics = Add to calendar (.ics)
roadshow-past = Past roadshows
roadshow-upcoming = Upcoming roadshows
roadshow-email = Email
roadshow-organization = Organization
roadshow-registered-at = Registered
roadshow-no-calls = You run no call, so you cannot make a roadshow.
error-roadshow-time = Enter a date and a time, such as 2026-12-01 14:00.
error-roadshow-order = The end must come after the start.
error-roadshow-outside = A presentation must take place within the roadshow's times.
error-roadshow-overlap = This time slot overlaps another presentation.
error-roadshow-not-finalist = Only a finalist of the roadshow's call can present.
error-roadshow-duplicate = This finalist is already on the agenda.
error-roadshow-over = This roadshow is over; registration is closed.
roadshow-mail-subject = Registered: { $title }
roadshow-mail-body =
    Dear { $name },

    you are registered for the roadshow “{ $title }”.
    When: { $starts } to { $ends } (China time, UTC+8)
    Where: { $location }

    The roadshow's page: { $link }
    Add it to your calendar: { $ics }
