-- Who reads a call's reviews (issue 14, items 1-2): whether its organizers see the judges'
-- names (else "Judge A/B/C"), when a judge of a submission reads the other reviews of it
-- (never, after submitting their own, after the review phase), and whether judges then see
-- each other's names (else letters).
ALTER TABLE calls ADD COLUMN organizers_see_judges BIGINT NOT NULL DEFAULT 1;
ALTER TABLE calls ADD COLUMN co_reviews TEXT NOT NULL DEFAULT 'after_own'
    CHECK (co_reviews IN ('never', 'after_own', 'after_phase'));
ALTER TABLE calls ADD COLUMN judges_see_judges BIGINT NOT NULL DEFAULT 0;
