-- Look-ups of facts by actor or item name ignore case; an indexed lower-case copy of the name keeps
-- them from scanning every actor row (the search API asks this for every query naming a system).
ALTER TABLE fact_actors ADD COLUMN name_lc VARCHAR(400);
UPDATE fact_actors SET name_lc = LOWER(arg_name);
CREATE INDEX fact_actors_name_lc ON fact_actors (name_lc);
