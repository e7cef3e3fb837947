-- Sentence vectors of texts (computed by `drx embed` when a model is installed). A vector is
-- used only while text_hash still matches the text it was computed from.
CREATE TABLE embeddings (
    kind TEXT NOT NULL CHECK (kind IN ('submission', 'need', 'expertise', 'team')),
    ref_id BIGINT NOT NULL,
    model TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    vector {{blob}} NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (kind, ref_id, model)
);
