CREATE TYPE shop.order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
