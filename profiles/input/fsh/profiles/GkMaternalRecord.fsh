Profile: GkMaternalRecord
Parent: $nlEpisodeOfCare
Id: gk-maternal-record
Title: "GK Maternal record (zwangerschapsdossier)"
Description: """
The maternal record (zwangerschapsdossier): one per pregnancy per woman, shared by midwife,
kraamzorg and JGZ. Every record of that pregnancy points here with the extension
ext-maternal-record. Its type contains SNOMED CT 364320009 (pregnancy record).

The identifier slice `pregnancyKey` carries the cross-provider pregnancy key (Nictiz): the integer
of the woman's age in days at conception divided by 14 (integer division), where conception is
the known conception date, else the last menstrual period (LMP) + 14 days, else the estimated date
of delivery (EDD) - 266 days. When absent, the server computes it once the pregnancy Observation
and its members are stored; a key sent by a client is never overwritten.
Derives from nl-core-EpisodeOfCare; Nictiz PWD 3.2 (zwangerschapsdossier).
"""
* insert IdentifierSlicing
* insert NlIdentifierSlice(pregnancyKey, https://fhir.geboorteketen.nl/NamingSystem/pregnancy-key, 0..1, Zwangerschapssleutel - pregnancy key)
* identifier[pregnancyKey] ^definition = "Cross-provider pregnancy key: (age of the woman in days at conception) div 14; conception = known date, else LMP + 14 days, else EDD - 266 days. Computed by the server when absent."
* status MS
* type 1..* MS
* type ^slicing.discriminator.type = #pattern
* type ^slicing.discriminator.path = "$this"
* type ^slicing.rules = #open
* type ^slicing.description = "Ten minste het type zwangerschapsdossier (at least the pregnancy record type)"
* type contains pregnancyRecord 1..1 MS
* type[pregnancyRecord] = $sct#364320009
* type[pregnancyRecord] ^short = "Zwangerschapsdossier (pregnancy record)"
* patient MS
* patient only Reference(GkPatient)
* patient ^short = "De zwangere (the pregnant woman)"
* managingOrganization MS
* managingOrganization only Reference(GkOrganization)
* careManager only Reference(GkPractitionerRole or GkPractitioner)
* careManager ^short = "De verantwoordelijke verloskundige (the responsible midwife)"
* period MS
* team MS
* team only Reference(GkCareTeam)
