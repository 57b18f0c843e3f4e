CREATE TABLE `audit_programmes` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`title` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`objectives` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `audit_programmes_engagement` ON `audit_programmes` (`engagement_id`);--> statement-breakpoint
CREATE TABLE `internal_audits` (
	`id` text PRIMARY KEY NOT NULL,
	`programme_id` text NOT NULL,
	`title` text NOT NULL,
	`scope` text NOT NULL,
	`criteria` text NOT NULL,
	`planned_on` text,
	`held_from` text,
	`held_to` text,
	`status` text NOT NULL,
	`auditors_json` text NOT NULL,
	`auditees_json` text NOT NULL,
	`requirement_ids_json` text NOT NULL,
	`conclusion` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `audit_programmes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `internal_audits_programme` ON `internal_audits` (`programme_id`);