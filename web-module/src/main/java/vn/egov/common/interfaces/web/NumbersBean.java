package vn.egov.common.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;

/**
 * {@code #{numbers.of(x)}}: a figure inside a sentence, written like every other figure of the
 * intranet ({@link VietnameseNumbers}, two decimals at most), where no converter can be attached.
 */
@Named("numbers")
@ApplicationScoped
public class NumbersBean {

    public String of(BigDecimal value) {
        return VietnameseNumbers.format(value, 2);
    }

    /** {@code #{numbers.bytes(size)}}: a file's size, {@code 12,5 KB}. */
    public String bytes(long size) {
        return VietnameseNumbers.size(size);
    }
}
