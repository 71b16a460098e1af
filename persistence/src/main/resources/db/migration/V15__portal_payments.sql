-- Public service portal: online payment of a dossier's fees and charges (thanh toán trực tuyến phí,
-- lệ phí) through the national payment platform (PP DVCQG, PORTAL-SHARING.md A.5). One row per
-- attempt to pay; the bill's lines are copied into it. Plain SQL for H2 2.x and PostgreSQL.

CREATE SEQUENCE portal_payment_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE portal_payment (
    id             BIGINT        PRIMARY KEY,
    dossier_pk     BIGINT        NOT NULL REFERENCES portal_dossier (id),
    dossier_code   VARCHAR(50)   NOT NULL,   -- MaHoSo
    agency_code    VARCHAR(20)   NOT NULL,   -- the dossier's agency (MaDonVi)
    reference      VARCHAR(64)   NOT NULL,   -- MaThamChieu: dossier code + yyyyMMddHHmmss
    service_kind   SMALLINT      NOT NULL,   -- MaDichVu: 1 administrative fines, 2 procedure fees
    amount         BIGINT        NOT NULL,   -- SoTien, in đồng
    state          VARCHAR(12)   NOT NULL,   -- CREATED INITIATED PENDING PAID RECEIPTED FAILED EXPIRED REFUNDED
    payee_account  VARCHAR(40)   NOT NULL,   -- TKThuHuong
    payee_bank     VARCHAR(20)   NOT NULL,   -- MaNHThuHuong
    payee_name     VARCHAR(300)  NOT NULL,   -- TenTKThuHuong
    payment_url    VARCHAR(2000),            -- UrlThanhToan, from the init's answer
    platform_txn   VARCHAR(64),              -- MaGiaoDich, the platform's transaction id
    bank_code      VARCHAR(40),              -- MaNganHang the citizen paid with
    failure        VARCHAR(500),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    initiated_at   TIMESTAMP WITH TIME ZONE,
    paid_at        TIMESTAMP WITH TIME ZONE,
    receipted_at   TIMESTAMP WITH TIME ZONE,
    checked_at     TIMESTAMP WITH TIME ZONE, -- the reconciliation job's last check
    check_count    INTEGER       DEFAULT 0 NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_at     TIMESTAMP WITH TIME ZONE, -- paid, failed or expired
    receipt_number VARCHAR(40),              -- số biên lai
    receipt_pdf    BYTEA,                    -- biên lai điện tử
    refunded_at    TIMESTAMP WITH TIME ZONE,
    refunded_by    VARCHAR(300),
    refund_reason  VARCHAR(1000),
    version        BIGINT        NOT NULL,
    CONSTRAINT portal_payment_reference_once UNIQUE (reference),
    CONSTRAINT portal_payment_amount_positive CHECK (amount > 0)
);
CREATE INDEX portal_payment_dossier_idx ON portal_payment (dossier_pk, created_at);
-- The reconciliation job's question: open payments by age.
CREATE INDEX portal_payment_open_idx ON portal_payment (state, initiated_at);
CREATE INDEX portal_payment_settled_idx ON portal_payment (settled_at);

-- PhiLePhi[]: the bill's lines as they were when the citizen chose to pay.
CREATE TABLE portal_payment_line (
    payment_pk BIGINT        NOT NULL REFERENCES portal_payment (id) ON DELETE CASCADE,
    line_no    INTEGER       NOT NULL,
    kind       SMALLINT      NOT NULL,   -- LoaiPhiLePhi: 1 phí, 2 lệ phí
    code       VARCHAR(40)   NOT NULL,   -- MaPhiLePhi
    name       VARCHAR(500)  NOT NULL,   -- TenPhiLePhi
    amount     BIGINT        NOT NULL,   -- SoTien
    PRIMARY KEY (payment_pk, line_no)
);
