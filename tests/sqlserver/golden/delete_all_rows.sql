DELETE FROM [orders];
