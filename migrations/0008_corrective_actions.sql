CREATE TABLE `corrective_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`finding_id` text NOT NULL,
	`correction` text NOT NULL,
	`root_cause_method` text,
	`whys_json` text NOT NULL,
	`cause_categories_json` text NOT NULL,
	`root_cause` text NOT NULL,
	`action` text NOT NULL,
	`owner` text NOT NULL,
	`due_date` text,
	`completed_on` text,
	`completion_evidence` text NOT NULL,
	`status` text NOT NULL,
	`reviewed_on` text,
	`reviewer` text NOT NULL,
	`effective` integer,
	`review_notes` text NOT NULL,
	`accepted_reason` text NOT NULL,
	`accepted_by` text NOT NULL,
	`accepted_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `corrective_actions_finding` ON `corrective_actions` (`finding_id`);--> statement-breakpoint
CREATE INDEX `corrective_actions_engagement` ON `corrective_actions` (`engagement_id`);