// Aliases of the indication feature (kraamzorg indication under the LIP).
Alias: $lipFactor = https://fhir.geboorteketen.nl/CodeSystem/lip-factor
Alias: $lipPackage = https://fhir.geboorteketen.nl/CodeSystem/lip-package
Alias: $lipMoment = https://fhir.geboorteketen.nl/CodeSystem/lip-moment
