// Aliases: every external system and canonical used in this package, in one place.

// Terminologies
Alias: $sct = http://snomed.info/sct
Alias: $loinc = http://loinc.org
Alias: $ucum = http://unitsofmeasure.org
Alias: $v3RoleCode = http://terminology.hl7.org/CodeSystem/v3-RoleCode
Alias: $orgtype = http://nictiz.nl/fhir/NamingSystem/organization-type

// Dutch identifier systems (Nictiz nl-core naming systems)
Alias: $bsn = http://fhir.nl/fhir/NamingSystem/bsn
Alias: $agb = http://fhir.nl/fhir/NamingSystem/agb-z
Alias: $ura = http://fhir.nl/fhir/NamingSystem/ura
Alias: $big = http://fhir.nl/fhir/NamingSystem/big
Alias: $uzovi = http://fhir.nl/fhir/NamingSystem/uzovi

// Our own systems
Alias: $pregnancyKey = https://fhir.geboorteketen.nl/NamingSystem/pregnancy-key
Alias: $gkObservationCode = https://fhir.geboorteketen.nl/CodeSystem/gk-observation-code
Alias: $gkPractitionerRole = https://fhir.geboorteketen.nl/CodeSystem/gk-practitioner-role
Alias: $extMaternalRecord = https://fhir.geboorteketen.nl/StructureDefinition/ext-maternal-record
Alias: $extRelatedPatient = https://fhir.geboorteketen.nl/StructureDefinition/ext-related-patient
Alias: $consentCategory = https://fhir.geboorteketen.nl/CodeSystem/consent-category
Alias: $consentScope = http://terminology.hl7.org/CodeSystem/consentscope
Alias: $v3ParticipationType = http://terminology.hl7.org/CodeSystem/v3-ParticipationType
Alias: $v3ActCode = http://terminology.hl7.org/CodeSystem/v3-ActCode

// Nictiz nl-core profiles our profiles derive from (vendored, see profiles/vendor/nictiz)
Alias: $nlPatient = http://nictiz.nl/fhir/StructureDefinition/nl-core-Patient
Alias: $nlOrganization = http://nictiz.nl/fhir/StructureDefinition/nl-core-HealthcareProvider-Organization
Alias: $nlPractitioner = http://nictiz.nl/fhir/StructureDefinition/nl-core-HealthProfessional-Practitioner
Alias: $nlPractitionerRole = http://nictiz.nl/fhir/StructureDefinition/nl-core-HealthProfessional-PractitionerRole
Alias: $nlContactPerson = http://nictiz.nl/fhir/StructureDefinition/nl-core-ContactPerson
Alias: $nlEpisodeOfCare = http://nictiz.nl/fhir/StructureDefinition/nl-core-EpisodeOfCare
Alias: $nlPregnancy = http://nictiz.nl/fhir/StructureDefinition/nl-core-Pregnancy
Alias: $nlEdd = http://nictiz.nl/fhir/StructureDefinition/nl-core-Pregnancy.EstimatedDateOfDelivery
Alias: $nlPregnancyDuration = http://nictiz.nl/fhir/StructureDefinition/nl-core-Pregnancy.PregnancyDuration
Alias: $nlGravidity = http://nictiz.nl/fhir/StructureDefinition/nl-core-Pregnancy.Gravidity
Alias: $nlParity = http://nictiz.nl/fhir/StructureDefinition/nl-core-Pregnancy.Parity
Alias: $nlLmp = http://nictiz.nl/fhir/StructureDefinition/nl-core-Pregnancy.DateLastMenstruation
Alias: $nlBodyWeight = http://nictiz.nl/fhir/StructureDefinition/nl-core-BodyWeight
Alias: $nlBodyTemperature = http://nictiz.nl/fhir/StructureDefinition/nl-core-BodyTemperature
Alias: $nlApgar1 = http://nictiz.nl/fhir/StructureDefinition/nl-core-ApgarScore-1Minute
Alias: $nlApgar5 = http://nictiz.nl/fhir/StructureDefinition/nl-core-ApgarScore-5Minute
Alias: $nlApgar10 = http://nictiz.nl/fhir/StructureDefinition/nl-core-ApgarScore-10Minute
Alias: $nlFeedingPattern = http://nictiz.nl/fhir/StructureDefinition/nl-core-FeedingPatternInfant
Alias: $nlProcedureEvent = http://nictiz.nl/fhir/StructureDefinition/nl-core-Procedure-event
Alias: $nlEncounter = http://nictiz.nl/fhir/StructureDefinition/nl-core-Encounter
Alias: $obsCategory = http://terminology.hl7.org/CodeSystem/observation-category
