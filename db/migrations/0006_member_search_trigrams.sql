CREATE VIRTUAL TABLE `member_search_trigrams` USING fts5(`search_text`, content='members', content_rowid='rowid', tokenize='trigram case_sensitive 1');--> statement-breakpoint
INSERT INTO `member_search_trigrams`(`member_search_trigrams`) VALUES ('rebuild');--> statement-breakpoint
CREATE TRIGGER `members_search_trigrams_insert` AFTER INSERT ON `members` BEGIN
  INSERT INTO `member_search_trigrams`(`rowid`, `search_text`) VALUES (new.`rowid`, new.`search_text`);
END;--> statement-breakpoint
CREATE TRIGGER `members_search_trigrams_delete` AFTER DELETE ON `members` BEGIN
  INSERT INTO `member_search_trigrams`(`member_search_trigrams`, `rowid`, `search_text`) VALUES ('delete', old.`rowid`, old.`search_text`);
END;--> statement-breakpoint
CREATE TRIGGER `members_search_trigrams_update` AFTER UPDATE OF `search_text` ON `members` BEGIN
  INSERT INTO `member_search_trigrams`(`member_search_trigrams`, `rowid`, `search_text`) VALUES ('delete', old.`rowid`, old.`search_text`);
  INSERT INTO `member_search_trigrams`(`rowid`, `search_text`) VALUES (new.`rowid`, new.`search_text`);
END;