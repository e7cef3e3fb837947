-- Expertise profiles kept by judges and engineers themselves (issue 22, item 3): their keywords
-- beside the fields (person_fields) and documents (expertise_documents: the bio is the 'profile'
-- document, past work the 'publication' ones, now with a year and a venue).
CREATE TABLE expert_profiles (
    person_id BIGINT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    keywords TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL
);

ALTER TABLE expertise_documents ADD COLUMN year BIGINT;
ALTER TABLE expertise_documents ADD COLUMN venue TEXT NOT NULL DEFAULT '';
