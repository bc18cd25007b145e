-- A contact reads one or more languages, in order of preference; language stays the first of them.
alter table contact add column languages text[] not null default '{}';
update contact set languages = array[language] where language is not null;
