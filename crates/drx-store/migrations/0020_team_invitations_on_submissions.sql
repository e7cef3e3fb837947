-- Security review (issue 16, item 7): a person named on a submission's team by their email is
-- invited, not made a member: until they accept, `invited_person_id` holds them and
-- `person_id` stays empty, so no rule that reads `person_id` gives them access.
ALTER TABLE submission_members ADD COLUMN invited_person_id BIGINT REFERENCES people(id);
CREATE INDEX submission_members_invited ON submission_members(invited_person_id);
