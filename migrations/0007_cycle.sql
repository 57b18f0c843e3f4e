CREATE TABLE `assessment_cycles` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`previous_assessment_id` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`previous_assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_cycles_assessment` ON `assessment_cycles` (`assessment_id`);--> statement-breakpoint
CREATE INDEX `assessment_cycles_previous` ON `assessment_cycles` (`previous_assessment_id`);--> statement-breakpoint
CREATE TABLE `carried_findings` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`finding_id` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carried_findings_assessment_finding` ON `carried_findings` (`assessment_id`,`finding_id`);--> statement-breakpoint
CREATE INDEX `carried_findings_finding` ON `carried_findings` (`finding_id`);--> statement-breakpoint
CREATE TABLE `carried_items` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`value_json` text NOT NULL,
	`confirmed_at` text,
	`confirmed_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carried_items_assessment_kind_key` ON `carried_items` (`assessment_id`,`kind`,`key`);--> statement-breakpoint
ALTER TABLE `evidence_items` ADD `review_due` text;