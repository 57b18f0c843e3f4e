CREATE TABLE `crosswalk_mappings` (
	`id` text PRIMARY KEY NOT NULL,
	`requirement_id` text NOT NULL,
	`target_framework` text NOT NULL,
	`target_ref` text NOT NULL,
	`source` text NOT NULL,
	`note` text,
	FOREIGN KEY (`requirement_id`) REFERENCES `requirements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crosswalk_mappings_requirement` ON `crosswalk_mappings` (`requirement_id`);--> statement-breakpoint
CREATE TABLE `frameworks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`title` text NOT NULL,
	`edition` text NOT NULL,
	`catalog_revision` integer NOT NULL,
	`catalog_hash` text NOT NULL,
	`meta_json` text NOT NULL,
	`loaded_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `interview_questions` (
	`id` text PRIMARY KEY NOT NULL,
	`requirement_id` text NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`probe` text,
	FOREIGN KEY (`requirement_id`) REFERENCES `requirements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interview_questions_requirement_position` ON `interview_questions` (`requirement_id`,`position`);--> statement-breakpoint
CREATE TABLE `requirements` (
	`id` text PRIMARY KEY NOT NULL,
	`framework_id` text NOT NULL,
	`ref` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`section` text NOT NULL,
	`parent_ref` text,
	`level` integer NOT NULL,
	`sort_order` integer NOT NULL,
	`assessable` integer NOT NULL,
	`guidance_json` text NOT NULL,
	`retired` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`framework_id`) REFERENCES `frameworks`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `requirements_framework_ref` ON `requirements` (`framework_id`,`ref`);--> statement-breakpoint
CREATE INDEX `requirements_framework_order` ON `requirements` (`framework_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`framework_id` text NOT NULL,
	`title` text NOT NULL,
	`excluded_areas_json` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`planned_start` text,
	`planned_end` text,
	`last_requirement_id` text,
	`scoping_json` text DEFAULT '{}' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`framework_id`) REFERENCES `frameworks`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`last_requirement_id`) REFERENCES `requirements`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assessments_engagement` ON `assessments` (`engagement_id`);--> statement-breakpoint
CREATE TABLE `engagements` (
	`id` text PRIMARY KEY NOT NULL,
	`client_name` text NOT NULL,
	`aims_scope` text NOT NULL,
	`ai_roles_json` text NOT NULL,
	`sites_json` text NOT NULL,
	`lead_assessor` text NOT NULL,
	`start_date` text,
	`end_date` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `findings` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`requirement_id` text NOT NULL,
	`ref` text NOT NULL,
	`grade` text NOT NULL,
	`statement` text NOT NULL,
	`evidence_ref` text DEFAULT '' NOT NULL,
	`recommendation` text DEFAULT '' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`due_date` text,
	`status` text NOT NULL,
	`closed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requirement_id`) REFERENCES `requirements`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `findings_assessment_ref` ON `findings` (`assessment_id`,`ref`);--> statement-breakpoint
CREATE INDEX `findings_requirement` ON `findings` (`requirement_id`);--> statement-breakpoint
CREATE TABLE `interview_session_requirements` (
	`session_id` text NOT NULL,
	`requirement_id` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `interview_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requirement_id`) REFERENCES `requirements`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interview_session_requirements_pk` ON `interview_session_requirements` (`session_id`,`requirement_id`);--> statement-breakpoint
CREATE INDEX `interview_session_requirements_requirement` ON `interview_session_requirements` (`requirement_id`);--> statement-breakpoint
CREATE TABLE `interview_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`held_at` text NOT NULL,
	`interviewees_json` text NOT NULL,
	`attendees_json` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interview_sessions_assessment` ON `interview_sessions` (`assessment_id`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`requirement_id` text NOT NULL,
	`result` text NOT NULL,
	`maturity` integer,
	`notes` text DEFAULT '' NOT NULL,
	`na_justification` text DEFAULT '' NOT NULL,
	`interviewees_json` text DEFAULT '[]' NOT NULL,
	`follow_up` integer DEFAULT false NOT NULL,
	`session_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requirement_id`) REFERENCES `requirements`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`session_id`) REFERENCES `interview_sessions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_assessment_requirement` ON `responses` (`assessment_id`,`requirement_id`);--> statement-breakpoint
CREATE INDEX `responses_requirement` ON `responses` (`requirement_id`);--> statement-breakpoint
CREATE INDEX `responses_session` ON `responses` (`session_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `soa_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`requirement_id` text NOT NULL,
	`applicable` integer NOT NULL,
	`justification` text NOT NULL,
	`implementation_status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requirement_id`) REFERENCES `requirements`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `soa_entries_assessment_requirement` ON `soa_entries` (`assessment_id`,`requirement_id`);--> statement-breakpoint
CREATE INDEX `soa_entries_requirement` ON `soa_entries` (`requirement_id`);--> statement-breakpoint
CREATE TABLE `evidence_blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`stored_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `evidence_items` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`sha256` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`original_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`provided_by` text DEFAULT '' NOT NULL,
	`collected_on` text,
	`owner` text DEFAULT '' NOT NULL,
	`valid_until` text,
	`classification` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sha256`) REFERENCES `evidence_blobs`(`sha256`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `evidence_items_engagement` ON `evidence_items` (`engagement_id`);--> statement-breakpoint
CREATE INDEX `evidence_items_sha` ON `evidence_items` (`sha256`);--> statement-breakpoint
CREATE TABLE `evidence_links` (
	`id` text PRIMARY KEY NOT NULL,
	`evidence_id` text NOT NULL,
	`requirement_id` text,
	`finding_id` text,
	`risk_id` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requirement_id`) REFERENCES `requirements`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "evidence_links_one_target" CHECK(("evidence_links"."requirement_id" IS NOT NULL) + ("evidence_links"."finding_id" IS NOT NULL) + ("evidence_links"."risk_id" IS NOT NULL) = 1)
);
--> statement-breakpoint
CREATE INDEX `evidence_links_evidence` ON `evidence_links` (`evidence_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_requirement` ON `evidence_links` (`requirement_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_finding` ON `evidence_links` (`finding_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_risk` ON `evidence_links` (`risk_id`);--> statement-breakpoint
CREATE TABLE `ai_systems` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`name` text NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`intended_use` text DEFAULT '' NOT NULL,
	`org_role` text NOT NULL,
	`lifecycle_stage` text NOT NULL,
	`model_type` text DEFAULT '' NOT NULL,
	`data_categories_json` text DEFAULT '[]' NOT NULL,
	`deployment_context` text DEFAULT '' NOT NULL,
	`affected_parties_json` text DEFAULT '[]' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`third_parties_json` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ai_systems_engagement` ON `ai_systems` (`engagement_id`);--> statement-breakpoint
CREATE TABLE `impact_assessment_risks` (
	`impact_assessment_id` text NOT NULL,
	`risk_id` text NOT NULL,
	FOREIGN KEY (`impact_assessment_id`) REFERENCES `impact_assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `impact_assessment_risks_pk` ON `impact_assessment_risks` (`impact_assessment_id`,`risk_id`);--> statement-breakpoint
CREATE INDEX `impact_assessment_risks_risk` ON `impact_assessment_risks` (`risk_id`);--> statement-breakpoint
CREATE TABLE `impact_assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`ai_system_id` text NOT NULL,
	`affected_json` text DEFAULT '[]' NOT NULL,
	`impact_areas_json` text DEFAULT '[]' NOT NULL,
	`severity` integer NOT NULL,
	`likelihood` integer NOT NULL,
	`measures_in_place` text DEFAULT '' NOT NULL,
	`measures_planned` text DEFAULT '' NOT NULL,
	`reviewer` text DEFAULT '' NOT NULL,
	`reviewed_on` text,
	`outcome` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`ai_system_id`) REFERENCES `ai_systems`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `impact_assessments_system` ON `impact_assessments` (`ai_system_id`);--> statement-breakpoint
CREATE TABLE `risk_ai_systems` (
	`risk_id` text NOT NULL,
	`ai_system_id` text NOT NULL,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ai_system_id`) REFERENCES `ai_systems`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `risk_ai_systems_pk` ON `risk_ai_systems` (`risk_id`,`ai_system_id`);--> statement-breakpoint
CREATE INDEX `risk_ai_systems_system` ON `risk_ai_systems` (`ai_system_id`);--> statement-breakpoint
CREATE TABLE `risk_controls` (
	`risk_id` text NOT NULL,
	`requirement_id` text NOT NULL,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requirement_id`) REFERENCES `requirements`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `risk_controls_pk` ON `risk_controls` (`risk_id`,`requirement_id`);--> statement-breakpoint
CREATE INDEX `risk_controls_requirement` ON `risk_controls` (`requirement_id`);--> statement-breakpoint
CREATE TABLE `risk_criteria` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`likelihood_levels` integer NOT NULL,
	`impact_levels` integer NOT NULL,
	`likelihood_labels_json` text NOT NULL,
	`impact_labels_json` text NOT NULL,
	`bands_json` text NOT NULL,
	`acceptance_threshold` integer NOT NULL,
	`version` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `risk_criteria_engagement_id_unique` ON `risk_criteria` (`engagement_id`);--> statement-breakpoint
CREATE TABLE `risks` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`ref` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`risk_source` text,
	`objectives_json` text DEFAULT '[]' NOT NULL,
	`likelihood` integer NOT NULL,
	`impact` integer NOT NULL,
	`inherent_score` integer NOT NULL,
	`inherent_band` text NOT NULL,
	`treatment_option` text,
	`treatment_plan` text DEFAULT '' NOT NULL,
	`residual_likelihood` integer,
	`residual_impact` integer,
	`residual_score` integer,
	`residual_band` text,
	`criteria_version` integer NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`due_date` text,
	`status` text NOT NULL,
	`accepted_by` text,
	`accepted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `risks_engagement_ref` ON `risks` (`engagement_id`,`ref`);--> statement-breakpoint
CREATE INDEX `risks_engagement_status` ON `risks` (`engagement_id`,`status`);--> statement-breakpoint
CREATE TABLE `signing_identities` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`email` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`key_algorithm` text NOT NULL,
	`cert_fingerprint` text NOT NULL,
	`p12_file` text NOT NULL,
	`not_before` text NOT NULL,
	`not_after` text NOT NULL,
	`origin` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signing_identities_name_unique` ON `signing_identities` (`name`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`scope_id` text,
	`before_json` text,
	`after_json` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_scope` ON `audit_log` (`scope_id`);