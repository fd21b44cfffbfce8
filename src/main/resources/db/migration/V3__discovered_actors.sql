-- Actors the extractor discovers in documents (ActorRegistered with discovered = true): where they
-- were found and the state they act for. Reference-data actors keep the defaults.
alter table actor_view
    add column discovered       boolean not null default false,
    add column acts_for         text,
    add column mention_document uuid,
    add column mention_text     text,
    add column mention_start    int,
    add column mention_end      int;
