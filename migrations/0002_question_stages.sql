ALTER TABLE `interview_questions` ADD `stage` integer;--> statement-breakpoint
ALTER TABLE `interview_questions` ADD `asks` text;