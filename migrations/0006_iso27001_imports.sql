CREATE TABLE `iso27001_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`format` text NOT NULL,
	`plain_numbers` text NOT NULL,
	`mapping_json` text NOT NULL,
	`rows_json` text NOT NULL,
	`row_count` integer NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` text NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `iso27001_imports_engagement` ON `iso27001_imports` (`engagement_id`,`imported_at`);