CREATE TABLE `sync_aliases` (
	`tbl` text NOT NULL,
	`remote_row_id` text NOT NULL,
	`local_row_id` text NOT NULL,
	PRIMARY KEY(`tbl`, `remote_row_id`)
);
--> statement-breakpoint
CREATE TABLE `sync_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`replica` text NOT NULL,
	`counter` integer NOT NULL,
	`engagement_id` text,
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`op` text NOT NULL,
	`value_json` text,
	`parents_json` text NOT NULL,
	`actor` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_changes_id_unique` ON `sync_changes` (`id`);--> statement-breakpoint
CREATE INDEX `sync_changes_row` ON `sync_changes` (`tbl`,`row_id`,`field`);--> statement-breakpoint
CREATE INDEX `sync_changes_engagement` ON `sync_changes` (`engagement_id`,`seq`);--> statement-breakpoint
CREATE INDEX `sync_changes_replica` ON `sync_changes` (`replica`,`counter`);--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text,
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`kind` text NOT NULL,
	`mine_change_id` text NOT NULL,
	`theirs_change_id` text NOT NULL,
	`status` text NOT NULL,
	`resolved_change_id` text,
	`created_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_open` ON `sync_conflicts` (`status`,`engagement_id`);--> statement-breakpoint
CREATE TABLE `sync_heads` (
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`change_id` text NOT NULL,
	PRIMARY KEY(`tbl`, `row_id`, `field`)
);
--> statement-breakpoint
CREATE TABLE `sync_ref_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text,
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`from_ref` text NOT NULL,
	`to_ref` text NOT NULL,
	`at` text NOT NULL,
	`sender` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_replica` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `origin_replica` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `origin_hash` text;--> statement-breakpoint
CREATE INDEX `audit_log_origin` ON `audit_log` (`origin_hash`);