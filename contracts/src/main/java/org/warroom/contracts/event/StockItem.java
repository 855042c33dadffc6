package org.warroom.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One commodity's line in a district report.
 *
 * @param stock     stock on hand, in {@link #unit()}
 * @param dailyNeed daily requirement in the same unit; may be zero (then days of cover are unbounded)
 * @param inTransit quantity dispatched but not yet arrived, when reported
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockItem(Commodity commodity, double stock, double dailyNeed, Double inTransit, String unit) {
}
