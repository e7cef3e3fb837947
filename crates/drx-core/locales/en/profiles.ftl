# Expertise profiles (judges and engineers) and their import.
profile-link = Expertise profile
profile-title = Expertise profile
profile-lead = Your fields, keywords, a short bio and past work are what submissions are matched against when judges are assigned.
profile-empty = Your profile is empty: every submission would fit you at 0.00. Add fields, keywords, a bio or past work.
profile-fields = Fields
profile-keywords = Keywords
profile-keywords-hint = Separated by commas, e.g. ECG, arrhythmia, wearable sensors.
profile-bio = Short bio
profile-works = Past work
profile-works-none = No past work yet.
profile-work-title = Title
profile-work-abstract = Abstract
profile-work-year = Year
profile-work-venue = Venue (journal, conference)
profile-work-remove = Remove
profile-work-add = Add past work
profile-work-import = Import past work
profile-work-import-formats = A BibTeX (.bib), RIS (.ris), CSV or XLSX file (columns: title, abstract, year, venue). A file with any bad entry is refused whole, with the line of each.
profile-work-not-found = No past work of yours has this number.
profile-import-title = Import judges' profiles
profile-import-columns = Columns: email (required), fields (names or codes, separated by commas), keywords, bio; and title, abstract, year, venue for past work (one row per work; repeat the email).
profile-error-keywords-long = Keywords are limited to { $max } characters.
profile-error-bio-long = The bio is limited to { $max } characters.
profile-error-field = Choose fields from the list.
profile-error-unknown-email = No account has the email "{ $value }".
profile-error-not-expert = { $value } is neither a judge nor an engineer.
past-work-error-nul = The file holds a NUL byte.
past-work-error-encoding = The file is not UTF-8 text.
past-work-error-unbalanced = This entry's braces are not balanced.
past-work-error-syntax = This line cannot be read.
past-work-error-no-title = This entry has no title.
past-work-error-year = "{ $value }" is not a year (1900 to 2100).
past-work-error-unclosed = This record has no end (ER).
past-work-error-empty = The file holds no past work.
assign-unprofiled = { $n ->
    [one] One judge has no expertise profile: their affinity to every submission would be 0.
   *[other] { $n } judges have no expertise profile: their affinity to every submission would be 0.
}
