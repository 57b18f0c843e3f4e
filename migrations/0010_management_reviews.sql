CREATE TABLE `management_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`title` text NOT NULL,
	`planned_on` text,
	`held_on` text,
	`status` text NOT NULL,
	`chair` text NOT NULL,
	`attendees_json` text NOT NULL,
	`issues_changes` text NOT NULL,
	`interested_parties` text NOT NULL,
	`resources` text NOT NULL,
	`opportunities` text NOT NULL,
	`decisions_json` text NOT NULL,
	`inputs_json` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `management_reviews_engagement` ON `management_reviews` (`engagement_id`);