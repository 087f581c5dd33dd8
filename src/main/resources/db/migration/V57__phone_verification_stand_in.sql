-- Guide [4]: when the responsible person is absent, the technical contact may be phoned instead
-- if employed by the applicant. The call records who was phoned and how that employment was
-- confirmed (BR 5.4.1); every earlier call was to the responsible person.
alter table phone_verification add column phoned_person varchar(32) default 'RESPONSIBLE_PERSON' not null;
alter table phone_verification add column employment_basis varchar(32);
alter table phone_verification add column employment_basis_note varchar(2000);
