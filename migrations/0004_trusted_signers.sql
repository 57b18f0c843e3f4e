CREATE TABLE `trusted_signers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`fingerprint` text NOT NULL,
	`source` text NOT NULL,
	`certificate` blob,
	`subject` text DEFAULT '' NOT NULL,
	`issuer` text DEFAULT '' NOT NULL,
	`is_ca` integer DEFAULT false NOT NULL,
	`not_after` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trusted_signers_fingerprint_unique` ON `trusted_signers` (`fingerprint`);