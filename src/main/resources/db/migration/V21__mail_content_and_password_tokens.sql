-- The "Postausgang" opens a sent mail: its plain text and its calendar invitation (.ics is text).
alter table koop_mail_log add column text_body text;
alter table koop_mail_log add column calendar text;
alter table koop_mail_log add column calendar_method varchar(16);

-- One-time links with which a newly registered user chooses a password. Only the SHA-256 hash
-- of the token is stored, so the table does not hand out working links.
create table koop_password_token (
    token_hash varchar(64)  primary key,
    user_id    varchar(128) not null,
    created_at timestamp    not null,
    expires_at timestamp    not null
);
create index ix_koop_password_token_user on koop_password_token (user_id);
