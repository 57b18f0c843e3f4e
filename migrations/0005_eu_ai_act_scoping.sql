DROP TABLE `crosswalk_mappings`;--> statement-breakpoint
ALTER TABLE `ai_systems` ADD `eu_ai_act_roles_json` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `ai_systems` ADD `eu_ai_act_risk_class` text;--> statement-breakpoint
ALTER TABLE `ai_systems` ADD `eu_ai_act_annex_iii_point` integer;