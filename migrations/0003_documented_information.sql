CREATE TABLE `documented_information` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`item_key` text NOT NULL,
	`is_present` integer NOT NULL,
	`is_approved` integer NOT NULL,
	`is_current` integer NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`review_date` text,
	`reference` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documented_information_assessment_item` ON `documented_information` (`assessment_id`,`item_key`);--> statement-breakpoint
CREATE TABLE `documented_information_evidence` (
	`record_id` text NOT NULL,
	`evidence_id` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `documented_information`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documented_information_evidence_pk` ON `documented_information_evidence` (`record_id`,`evidence_id`);--> statement-breakpoint
CREATE INDEX `documented_information_evidence_evidence` ON `documented_information_evidence` (`evidence_id`);