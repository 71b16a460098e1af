package vn.egov.exchange.domain.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.egov.common.ChainHead;

/**
 * The exchange log's single head row ({@link ChainHead}): every append locks it for the rest of its transaction,
 * which puts log entries (and inbox positions) in commit order.
 */
@Entity
@Table(name = "exchange_log_head")
public class ExchangeLogHead extends ChainHead {

    protected ExchangeLogHead() {}
}
