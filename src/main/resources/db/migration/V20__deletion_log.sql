-- Data protection: what personal data of an ended collaboration was deleted, and when. Never the
-- data itself: which collaboration, which kind of data, how many items. One row per
-- collaboration and kind, so a deletion is logged once however often the cleanup runs.
create table koop_deletion_log (
    id                  varchar(64)  primary key,
    municipality_id     varchar(64)  not null,
    process_instance_id varchar(64)  not null,
    ended_at            timestamp    not null,
    kind                varchar(32)  not null,
    item_count          integer      not null,
    deleted_at          timestamp    not null,
    constraint uq_koop_deletion_log unique (process_instance_id, kind)
);
create index ix_koop_deletion_log_deleted_at on koop_deletion_log (deleted_at);
