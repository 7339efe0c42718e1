// Opens Resource.identifier for slicing by system, the way nl-core slices its identifiers.
RuleSet: IdentifierSlicing
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier ^slicing.description = "Gesneden op identifier.system (sliced by identifier system)"
* identifier ^slicing.ordered = false
