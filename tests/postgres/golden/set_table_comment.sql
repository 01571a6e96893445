COMMENT ON TABLE "users" IS 'people who can sign in';
