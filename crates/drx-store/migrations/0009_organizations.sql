-- Organizations managed through the product: short names, a life cycle (requested at sign-up,
-- active, inactive, merged into another record) and the record a merged one now lives in.
ALTER TABLE organizations ADD COLUMN short_name_en TEXT NOT NULL DEFAULT '';
ALTER TABLE organizations ADD COLUMN short_name_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE organizations ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('requested', 'active', 'inactive', 'merged'));
ALTER TABLE organizations ADD COLUMN merged_into BIGINT REFERENCES organizations(id);
ALTER TABLE organizations ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX organizations_status ON organizations(status);
