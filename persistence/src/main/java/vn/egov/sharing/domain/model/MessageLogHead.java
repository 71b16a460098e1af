package vn.egov.sharing.domain.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.egov.common.ChainHead;

/**
 * The message log's single head row ({@link ChainHead}): every append locks it for the rest of its (short)
 * transaction, so the chain has no gaps or forks.
 */
@Entity
@Table(name = "sharing_log_head")
public class MessageLogHead extends ChainHead {

    protected MessageLogHead() {}
}
