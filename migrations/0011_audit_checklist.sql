CREATE TABLE `audit_checklist_evidence` (
	`item_id` text NOT NULL,
	`evidence_id` text NOT NULL,
	PRIMARY KEY(`item_id`, `evidence_id`),
	FOREIGN KEY (`item_id`) REFERENCES `audit_checklist_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `audit_checklist_evidence_evidence` ON `audit_checklist_evidence` (`evidence_id`);--> statement-breakpoint
CREATE TABLE `audit_checklist_items` (
	`id` text PRIMARY KEY NOT NULL,
	`audit_id` text NOT NULL,
	`requirement_id` text NOT NULL,
	`verdict` text NOT NULL,
	`grade` text,
	`notes` text NOT NULL,
	`finding_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `internal_audits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requirement_id`) REFERENCES `requirements`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_checklist_items_audit_requirement` ON `audit_checklist_items` (`audit_id`,`requirement_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `audit_checklist_items_finding` ON `audit_checklist_items` (`finding_id`);--> statement-breakpoint
ALTER TABLE `management_reviews` ADD `other_inputs` text DEFAULT '' NOT NULL;