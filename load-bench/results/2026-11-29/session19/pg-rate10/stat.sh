#!/bin/bash
p=$(tr -dc 0-9 < /tmp/plan/pid)
awk "{print \$14+\$15}" /proc/$p/stat > /tmp/plan/$1
