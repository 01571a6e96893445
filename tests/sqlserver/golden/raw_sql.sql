UPDATE [users] SET [score] += 1;
