package org.visaport.platform.paging;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The keyset query behind every cursor-paged list: sorted by a time field, then {@code _id}, in one direction. */
public final class Keyset {

    private Keyset() {
    }

    /**
     * Rows matching {@code filter} after {@code after} (null: from the start), at most {@code limit + 1} of them so the
     * page can tell whether another one follows. Needs an index on (filter fields…, {@code field}, {@code _id}).
     */
    public static Query query(Criteria filter, String field, Sort.Direction direction, KeysetPosition after, int limit) {
        Criteria criteria = filter;
        if (after != null) {
            boolean ascending = direction.isAscending();
            Criteria beyond = new Criteria().orOperator(
                    ascending ? Criteria.where(field).gt(after.at()) : Criteria.where(field).lt(after.at()),
                    new Criteria().andOperator(Criteria.where(field).is(after.at()),
                            ascending ? Criteria.where("_id").gt(after.id()) : Criteria.where("_id").lt(after.id())));
            // The plain bound lets MongoDB start the index scan at the position instead of filtering from the start.
            Criteria bound = ascending ? Criteria.where(field).gte(after.at()) : Criteria.where(field).lte(after.at());
            criteria = new Criteria().andOperator(filter, bound, beyond);
        }
        return Query.query(criteria).with(Sort.by(new Sort.Order(direction, field), new Sort.Order(direction, "_id"))).limit(limit + 1);
    }
}
