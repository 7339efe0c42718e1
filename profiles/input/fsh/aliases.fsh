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
