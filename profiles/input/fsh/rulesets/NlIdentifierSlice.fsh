// One Dutch identifier slice: a fixed system and a required value.
// Use after `insert IdentifierSlicing`.
// {name}: slice name, {system}: naming system url, {card}: cardinality, {short}: short text.
RuleSet: NlIdentifierSlice(name, system, card, short)
* identifier contains {name} {card} MS
* identifier[{name}] ^short = "{short}"
* identifier[{name}].system 1..1
* identifier[{name}].system = "{system}"
* identifier[{name}].value 1..1 MS
