// "Context: maternal record": the record belongs to one pregnancy (zwangerschapsdossier) and
// points at its EpisodeOfCare with the ext-maternal-record extension (search: maternal-record).
// {card}: 1..1 where every such record must carry it, 0..1 where it is recommended: the pregnancy
// and its members, because nl-core records as Dutch systems send them do not carry it. Without it a
// record is stored but belongs to no pregnancy: `maternal-record` searches and the handovers do not
// find it, and a pregnancy without it gives its maternal record no pregnancy key, until a partner
// updates the record with the link.
RuleSet: PointsAtMaternalRecord(card)
* extension contains ExtMaternalRecord named maternalRecord {card} MS
* extension[maternalRecord] ^short = "Het zwangerschapsdossier waar dit bij hoort (the maternal record this belongs to)"
