DELETE FROM [orders] WHERE [status] = N'cancelled';
